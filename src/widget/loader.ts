/**
 * The one script a host site adds:
 *   <script src="https://atiende.example/widget/loader.js" data-atiende-channel="wc_…" async></script>
 * It draws a launcher and opens the widget in an iframe on Atiende's origin. Messages to the frame always
 * name Atiende's origin; messages from it are accepted only from there. A logged-in customer may be
 * identified with `data-customer-id` and `data-signature` (HMAC-SHA256 of the id with the channel secret).
 * Self-contained on purpose: no imports, so it runs as a classic script.
 */
(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script?.src) return;
  const channel = script.dataset.atiendeChannel ?? '';
  const atiende = new URL(script.src).origin;
  const color = script.dataset.color ?? '#1c7ed6';
  const identity =
    script.dataset.customerId && script.dataset.signature
      ? { customerId: script.dataset.customerId, signature: script.dataset.signature }
      : null;

  const host = document.createElement('div');
  host.setAttribute('data-atiende-widget', '');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `
    .launcher{position:fixed;right:20px;bottom:20px;width:56px;height:56px;border-radius:50%;border:0;cursor:pointer;
      background:${color};color:#fff;box-shadow:0 4px 14px rgba(0,0,0,.25);display:flex;align-items:center;justify-content:center;z-index:2147483000}
    .badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;border-radius:10px;background:#e03131;color:#fff;
      font:600 12px/20px system-ui;display:none}
    iframe{position:fixed;right:20px;bottom:88px;width:370px;height:580px;max-height:calc(100vh - 110px);max-width:calc(100vw - 40px);
      border:0;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.3);background:#fff;z-index:2147483000;display:none}`;
  const button = document.createElement('button');
  button.className = 'launcher';
  button.setAttribute('aria-label', navigator.language.startsWith('es') ? 'Abrir chat' : 'Open chat');
  // An inline icon, not an emoji: some systems have no emoji font.
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '26');
  svg.setAttribute('height', '26');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
  svg.append(path);
  button.append(svg);
  const badge = document.createElement('span');
  badge.className = 'badge';
  button.append(badge);
  const frame = document.createElement('iframe');
  frame.title = 'Atiende';
  frame.src = `${atiende}/widget/frame/${encodeURIComponent(channel)}?host=${encodeURIComponent(location.origin)}`;
  frame.setAttribute('allow', 'clipboard-write');
  root.append(style, frame, button);

  let open = false;
  const toggle = (to = !open) => {
    open = to;
    frame.style.display = open ? 'block' : 'none';
    frame.contentWindow?.postMessage({ type: 'atiende:visible', visible: open }, atiende);
  };
  button.addEventListener('click', () => toggle());

  window.addEventListener('message', (event) => {
    if (event.origin !== atiende || event.source !== frame.contentWindow) return;
    const data = event.data as { type?: string; count?: number };
    if (data.type === 'atiende:ready') {
      frame.contentWindow?.postMessage(
        { type: 'atiende:init', identity, languages: [...navigator.languages] },
        atiende,
      );
    } else if (data.type === 'atiende:close') {
      toggle(false);
    } else if (data.type === 'atiende:unread') {
      badge.textContent = String(data.count ?? 0);
      badge.style.display = data.count ? 'block' : 'none';
    }
  });

  const mount = () => document.body.append(host);
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
