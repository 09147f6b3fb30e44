/**
 * Telling a UTF-8 file from one saved in Latin-1 or Windows-1252 (what Excel writes by default in Spanish),
 * chunk by chunk, and sniffing the delimiter of a CSV header. Pure.
 */

/** Where a streaming UTF-8 check stands between chunks. */
export interface Utf8State {
  /** Continuation bytes still expected by the sequence in progress. */
  pending: number;
  /** The byte that started that sequence, and where: the one to blame when it breaks off. */
  lead: number;
  leadAt: number;
  /** Lines seen so far (1-based line of the next byte). */
  line: number;
  offset: number;
}

export const utf8Start = (): Utf8State => ({ pending: 0, lead: 0, leadAt: 0, line: 1, offset: 0 });

export interface Utf8Problem {
  line: number;
  offset: number;
  byte: number;
}

/**
 * Checks one chunk, carrying the state to the next; returns the first invalid byte, or null.
 * @example checkUtf8(Buffer.from([0x4a, 0x6f, 0x73, 0xe9, 0x0a]), utf8Start()) // { line: 1, offset: 3, byte: 0xe9 }
 */
export function checkUtf8(chunk: Uint8Array, state: Utf8State): Utf8Problem | null {
  let { pending, lead, leadAt, line } = state;
  for (let i = 0; i < chunk.length; i++) {
    const b = chunk[i]!;
    if (pending > 0) {
      // A Latin-1 "é" (0xE9) looks like the start of a three-byte character; the next byte gives it away.
      if ((b & 0xc0) !== 0x80) return { line, offset: leadAt, byte: lead };
      pending--;
      continue;
    }
    if (b < 0x80) {
      if (b === 0x0a) line++;
      continue;
    }
    // Lead bytes: C2–DF two bytes, E0–EF three, F0–F4 four; anything else cannot start a character.
    lead = b;
    leadAt = state.offset + i;
    if (b >= 0xc2 && b <= 0xdf) pending = 1;
    else if (b >= 0xe0 && b <= 0xef) pending = 2;
    else if (b >= 0xf0 && b <= 0xf4) pending = 3;
    else return { line, offset: state.offset + i, byte: b };
  }
  state.pending = pending;
  state.lead = lead;
  state.leadAt = leadAt;
  state.line = line;
  state.offset += chunk.length;
  return null;
}

/** A sentence for the user: where the file stops being UTF-8 and what it probably is. */
export function encodingMessage(problem: Utf8Problem): string {
  const hex = `0x${problem.byte.toString(16).toUpperCase().padStart(2, '0')}`;
  const latin1 = problem.byte >= 0xa0 ? ` ("${String.fromCharCode(problem.byte)}" in Latin-1)` : '';
  return (
    `The file is not UTF-8: line ${problem.line} has the byte ${hex}${latin1}. It was probably saved as ` +
    'Latin-1 or Windows-1252; save it again as "CSV UTF-8" and import it again. Nothing was imported.'
  );
}

/**
 * The delimiter of a header line: the one of , ; or tab that appears most outside quotes.
 * @example sniffDelimiter('Nombre;Correo;Teléfono') // ';'
 */
export function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  const [best, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return count > 0 ? best : ',';
}
