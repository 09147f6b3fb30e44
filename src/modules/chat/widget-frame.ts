/**
 * The widget's iframe page, on Atiende's own origin. Its `frame-ancestors` lists the channel's allowed
 * sites, so a browser refuses to show it anywhere else, whatever the page that embeds it claims.
 */
import type { FastifyInstance } from 'fastify';
import type { ChatContext } from './context.ts';

const KeyParams = {
  type: 'object',
  properties: { key: { type: 'string', pattern: '^wc_[\\w-]{8,40}$' } },
  required: ['key'],
  additionalProperties: false,
};

const ContactQuery = {
  type: 'object',
  properties: {
    workspace: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' },
    lang: { type: 'string', enum: ['es', 'en'] },
    mode: { type: 'string', enum: ['chat', 'callback', 'request'] },
    q: { type: 'string', maxLength: 200 },
    article: { type: 'string', maxLength: 60 },
  },
  required: ['workspace', 'mode'],
  additionalProperties: false,
};

interface Contact {
  workspace: string;
  lang?: 'es' | 'en';
  mode: 'chat' | 'callback' | 'request';
  q?: string;
  article?: string;
}

const noChannel = {
  es: 'Este centro de ayuda aún no ofrece contacto en línea. Escríbanos por correo o llámenos.',
  en: 'This help center does not offer online contact yet. Please e-mail or call us.',
};

const escapeAttr = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function widgetFrameRoutes(ctx: ChatContext) {
  const ownOrigin = new URL(ctx.publicUrl).origin;
  return async (app: FastifyInstance) => {
    app.get<{ Params: { key: string } }>(
      '/widget/frame/:key',
      { schema: { hide: true, params: KeyParams } },
      async (request, reply) => {
        const channel = await ctx.channelByKey(request.params.key).catch(() => null);
        if (!channel) return reply.status(404).type('text/plain').send('Unknown web channel');
        // Atiende's own pages (the demo page) may show any channel; other sites only where listed.
        const ancestors = ["'self'", ...channel.allowedOrigins].join(' ');
        const csp = [
          "default-src 'none'",
          "script-src 'self'",
          "style-src 'self' 'unsafe-inline'",
          "connect-src 'self' ws: wss:",
          "img-src 'self' https: data: blob:",
          `frame-ancestors ${ancestors}`,
          "base-uri 'none'",
          "form-action 'none'",
        ].join('; ');
        return reply
          .header('content-security-policy', csp)
          .header('cache-control', 'no-cache')
          .header('x-content-type-options', 'nosniff')
          .type('text/html; charset=utf-8')
          .send(
            `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeAttr(channel.name)}</title><link rel="stylesheet" href="/widget/frame.css"></head><body data-channel="${escapeAttr(channel.publicKey)}"><div id="app"></div><script type="module" src="/widget/frame.js"></script></body></html>`,
          );
      },
    );

    // The help center's "still need help?" path: the workspace's first web channel, on a page of its own,
    // opened at chat, call-me or a service request, in the help center's language.
    app.get<{ Querystring: Contact }>(
      '/widget/contact',
      {
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: { hide: true, querystring: ContactQuery },
      },
      async (request, reply) => {
        const { workspace: slug, lang = 'es', mode, q, article } = request.query;
        const workspace = await ctx.workspaces.findBySlug(slug);
        const channel = workspace ? await ctx.firstChannel(workspace.id) : null;
        if (!channel)
          return reply
            .status(404)
            .type('text/html; charset=utf-8')
            .send(
              `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>404</title></head><body><p>${noChannel[lang]}</p></body></html>`,
            );
        const params = new URLSearchParams({ host: ownOrigin, mode, lang });
        if (q) params.set('q', q);
        if (article) params.set('article', article);
        return reply.redirect(`/widget/frame/${channel.publicKey}?${params}`, 303);
      },
    );

    app.get<{ Params: { key: string } }>(
      '/widget/demo/:key',
      { schema: { hide: true, params: KeyParams } },
      async (request, reply) => {
        const channel = await ctx.channelByKey(request.params.key).catch(() => null);
        if (!channel) return reply.status(404).type('text/plain').send('Unknown web channel');
        return reply
          .header(
            'content-security-policy',
            "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; frame-src 'self'; base-uri 'none'",
          )
          .header('cache-control', 'no-cache')
          .type('text/html; charset=utf-8')
          .send(demoPage(channel.name, channel.publicKey));
      },
    );
  };
}

/** A stand-in for a customer's website with the widget's one tag: what `npm start` shows at /widget/demo/…. */
function demoPage(name: string, publicKey: string): string {
  const n = escapeAttr(name);
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${n} · demo</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1a1b1e}header{background:#0b7285;color:#fff;padding:24px 32px}main{max-width:720px;padding:24px 32px}h1{margin:0}</style></head>
<body><header><h1>${n}</h1><p>Tours por Santander · Tours around Santander</p></header>
<main><p>Esta página hace de sitio web de un cliente: el botón abajo a la derecha abre el widget de chat de Atiende. Los agentes lo atienden en <a href="/desk">/desk</a>.</p>
<p>This page stands in for a customer's website: the button at the bottom right opens Atiende's chat widget. Agents answer at <a href="/desk">/desk</a>.</p></main>
<script src="/widget/loader.js" data-atiende-channel="${escapeAttr(publicKey)}" async></script></body></html>`;
}
