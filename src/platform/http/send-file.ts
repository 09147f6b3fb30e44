/** Sending a stored file back over HTTP. */
import type { FastifyReply } from 'fastify';

/** Files go out as downloads that cannot run: their checked type, no sniffing, a sandbox and no caching by others. */
export function sendFile(reply: FastifyReply, file: { fileName: string; contentType: string; data: Buffer }) {
  const inline = file.contentType.startsWith('image/');
  return reply
    .header('content-type', file.contentType)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, max-age=300')
    .header(
      'content-disposition',
      `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .send(file.data);
}
