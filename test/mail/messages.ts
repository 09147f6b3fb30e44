/** Raw messages for the e-mail tests, as mail clients and servers write them. */
let counter = 0;

export function rawMail(o: {
  from?: string;
  to?: string;
  subject?: string;
  body?: string;
  messageId?: string | null;
  headers?: Record<string, string>;
}): string {
  const id = o.messageId === undefined ? `m${++counter}.${Date.now()}@client.example.test` : o.messageId;
  const lines = [
    `From: ${o.from ?? 'Ana Pérez <ana@client.example.test>'}`,
    `To: ${o.to ?? 'soporte@acme.test'}`,
    `Subject: ${o.subject ?? 'Necesito ayuda'}`,
    'Date: Mon, 05 Jan 2026 13:00:00 +0000',
    ...(id ? [`Message-ID: <${id}>`] : []),
    'MIME-Version: 1.0',
    ...Object.entries(o.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    'Content-Type: text/plain; charset=utf-8',
    '',
    o.body ?? 'Hola, mi pedido no ha llegado.',
    '',
  ];
  return lines.join('\r\n');
}

/** A message with an HTML body, an inline image (cid:) and an attachment. */
export function richMail(o: { from?: string; to?: string; messageId: string }): string {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ).toString('base64');
  return [
    `From: ${o.from ?? 'ana@client.example.test'}`,
    `To: ${o.to ?? 'soporte@acme.test'}`,
    'Subject: Foto del daño',
    `Message-ID: <${o.messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="mixed"',
    '',
    '--mixed',
    'Content-Type: multipart/related; boundary="rel"',
    '',
    '--rel',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p onclick="steal()">Mire la foto: <img src="cid:foto1@client"> y <img src="https://tracker.example.test/p.gif"></p><script>alert(1)</script><blockquote>mensaje anterior</blockquote>',
    '--rel',
    'Content-Type: image/png',
    'Content-ID: <foto1@client>',
    'Content-Disposition: inline; filename="foto.png"',
    'Content-Transfer-Encoding: base64',
    '',
    png,
    '--rel--',
    '--mixed',
    'Content-Type: application/pdf; name="factura.pdf"',
    'Content-Disposition: attachment; filename="factura.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('%PDF-1.4 factura').toString('base64'),
    '--mixed--',
    '',
  ].join('\r\n');
}
