/**
 * What an e-mail shows, pure: HTML sanitised on arrival, rendered for a sandboxed frame with remote
 * images blocked until allowed and `cid:` images pointing at stored attachments, and quoted history
 * collapsed.
 */
import sanitizeHtml from 'sanitize-html';

const ALLOWED_TAGS = [
  ...sanitizeHtml.defaults.allowedTags,
  'img',
  'span',
  'font',
  'center',
  'details',
  'summary',
];

/**
 * Keeps formatting, tables, links and images; drops scripts, forms, frames, event handlers and
 * `javascript:` URLs. Styles survive as inline attributes (the frame is sandboxed and script-free).
 */
export function sanitizeEmailHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      '*': [
        'style',
        'align',
        'valign',
        'width',
        'height',
        'bgcolor',
        'color',
        'dir',
        'lang',
        'title',
        'class',
      ],
      a: ['href', 'name', 'target'],
      img: ['src', 'alt', 'width', 'height'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan'],
      font: ['face', 'size', 'color'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https', 'cid', 'data'] },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    transformTags: { a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer' }) },
    allowVulnerableTags: false,
  });
}

export interface RenderOptions {
  /** `cid` (without brackets, lower case) → URL of the stored attachment. */
  cidUrls: ReadonlyMap<string, string>;
  /** Whether the agent allowed remote images for this message. */
  allowRemoteImages: boolean;
  /** Label of the collapsed quoted history. */
  quoteLabel: string;
}

/** Content-Security-Policy of the frame: no scripts, images only from here (and remote when allowed). */
export function framePolicy(allowRemoteImages: boolean): string {
  const images = allowRemoteImages ? "'self' data: https: http:" : "'self' data:";
  return `default-src 'none'; img-src ${images}; style-src 'unsafe-inline'; font-src data:; sandbox allow-popups allow-popups-to-escape-sandbox`;
}

/**
 * The stored (already sanitised) HTML as a document for the frame. Remote images become a blank
 * placeholder until allowed; `cid:` images point at their attachments; blockquotes are collapsed.
 * @returns the document and how many remote images were held back
 */
export function renderForFrame(html: string, options: RenderOptions): { document: string; blocked: number } {
  let blocked = 0;
  const body = sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: false,
    // Inline images arrive as data: URLs (see the thread service); the frame's CSP allows them.
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    transformTags: {
      img: (tag, attribs) => {
        const src = attribs.src ?? '';
        if (/^cid:/i.test(src)) {
          const url = options.cidUrls.get(normaliseCid(src.slice(4)));
          return { tagName: 'img', attribs: { ...attribs, src: url ?? '' } };
        }
        if (/^https?:/i.test(src) && !options.allowRemoteImages) {
          blocked++;
          const { src: _src, ...rest } = attribs;
          return { tagName: 'img', attribs: { ...rest, 'data-blocked': 'remote', alt: attribs.alt ?? '' } };
        }
        return { tagName: tag, attribs };
      },
    },
  });
  const collapsed = body
    .replace(
      /<blockquote/gi,
      `<details class="quoted"><summary>${escapeHtml(options.quoteLabel)}</summary><blockquote`,
    )
    .replace(/<\/blockquote>/gi, '</blockquote></details>');
  const document = `<!doctype html><html><head><meta charset="utf-8"><base target="_blank"><style>body{font-family:system-ui,sans-serif;font-size:14px;margin:8px;word-wrap:break-word}img{max-width:100%}img[data-blocked]{display:inline-block;min-width:16px;min-height:16px;background:#eee}</style></head><body>${collapsed}</body></html>`;
  return { document, blocked };
}

export const normaliseCid = (cid: string): string => cid.trim().replace(/^<|>$/g, '').toLowerCase();

/**
 * Splits a plain-text body into what the sender wrote and the history they quoted: the quote starts
 * at an attribution line ("On … wrote:", "El … escribió:") or at the first run of `>` lines that lasts
 * to the end.
 * @example splitQuoted('Thanks!\n\nOn Mon, Ana wrote:\n> hi') // { fresh: 'Thanks!', quoted: 'On Mon, Ana wrote:\n> hi' }
 */
export function splitQuoted(text: string): { fresh: string; quoted: string | null } {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const attribution = lines.findIndex(
    (l) =>
      /^(on|el|le|am)\s.+(wrote|escribió|a écrit|schrieb)\s*:\s*$/i.test(l.trim()) ||
      /^-{2,}\s*(original message|mensaje original)\s*-{2,}$/i.test(l.trim()),
  );
  let start = attribution;
  if (start < 0) {
    let i = lines.length;
    while (i > 0 && (lines[i - 1]!.startsWith('>') || lines[i - 1]!.trim() === '')) i--;
    start = lines.slice(i).some((l) => l.startsWith('>')) ? i : -1;
  }
  if (start <= 0) return { fresh: text.trim(), quoted: null };
  return { fresh: lines.slice(0, start).join('\n').trim(), quoted: lines.slice(start).join('\n').trim() };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A plain-text alternative as HTML, for messages that came with none. */
export function textToHtml(text: string): string {
  return `<div style="white-space:pre-wrap">${escapeHtml(text)}</div>`;
}
