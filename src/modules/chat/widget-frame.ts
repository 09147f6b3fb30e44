/**
 * The widget's iframe page, on Atiende's own origin. Its `frame-ancestors` lists the channel's allowed
 * sites, so a browser refuses to show it anywhere else, whatever the page that embeds it claims.
 */
import type { FastifyInstance } from 'fastify';
import type { ChatContext } from './context.ts';

const escapeAttr = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function widgetFrameRoutes(ctx: ChatContext) {
  return async (app: FastifyInstance) => {
    app.get<{ Params: { key: string } }>(
      '/widget/frame/:key',
      {
        schema: {
          hide: true,
          params: {
            type: 'object',
            properties: { key: { type: 'string', pattern: '^wc_[\\w-]{8,40}$' } },
            required: ['key'],
            additionalProperties: false,
          },
        },
      },
      async (request, reply) => {
        const channel = await ctx.channelByKey(request.params.key).catch(() => null);
        if (!channel) return reply.status(404).type('text/plain').send('Unknown web channel');
        const ancestors = channel.allowedOrigins.length > 0 ? channel.allowedOrigins.join(' ') : "'none'";
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
  };
}
