/** What files a visitor, agent or editor may upload: the type is read from the bytes, never taken from the name. Pure. */

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

const SIGNATURES: { type: string; test: (b: Buffer) => boolean }[] = [
  { type: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])) },
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', test: (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1')) },
  {
    type: 'image/webp',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  { type: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
];

/** The accepted types, as the `accept` of a file input. */
export const ACCEPTED_TYPES = [...SIGNATURES.map((s) => s.type), 'text/plain'];

/**
 * The file's real type, or a reason to refuse it with its HTTP status (413 too large, 415 otherwise). Plain text must be valid UTF-8 with no control bytes
 * other than tab and line breaks (so no HTML or script is ever served as anything but text).
 * @example sniffFile(Buffer.from('%PDF-1.7 …')) // { ok: true, type: 'application/pdf' }
 */
export function sniffFile(
  bytes: Buffer,
): { ok: true; type: string } | { ok: false; status: 413 | 415; message: string } {
  if (bytes.length === 0) return { ok: false, status: 415, message: 'The file is empty' };
  if (bytes.length > MAX_ATTACHMENT_BYTES)
    return {
      ok: false,
      status: 413,
      message: `Files may be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`,
    };
  const known = SIGNATURES.find((s) => s.test(bytes));
  if (known) return { ok: true, type: known.type };
  const text = bytes.toString('utf8');
  if (Buffer.from(text, 'utf8').equals(bytes) && !hasControlBytes(bytes))
    return { ok: true, type: 'text/plain' };
  return {
    ok: false,
    status: 415,
    message: 'Only images (PNG, JPEG, GIF, WebP), PDF and plain text files are accepted',
  };
}

/** A file name safe to put in a header: no paths, quotes or control characters, at most 120 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .slice(-120)
    .trim();
  return clean || 'file';
}

/** Control bytes other than tab, line feed and carriage return. */
const hasControlBytes = (bytes: Buffer): boolean =>
  bytes.some((b) => (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f);
