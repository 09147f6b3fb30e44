/**
 * Where the widget keeps its token, open chat, outbox and cursor. Browsers that block storage in
 * third-party frames throw on `localStorage`; then it falls back to memory (the page's lifetime), and an
 * identified visitor still finds its history through its verified identity.
 */
const memory = new Map<string, string>();

function pick(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    const s = window[kind];
    s.setItem('atiende:probe', '1');
    s.removeItem('atiende:probe');
    return s;
  } catch {
    return null;
  }
}

const lasting = pick('localStorage');
const tab = pick('sessionStorage');

const wrap = (s: Storage | null) => ({
  get: (key: string): string | null => (s ? s.getItem(key) : (memory.get(key) ?? null)),
  set: (key: string, value: string) => (s ? s.setItem(key, value) : memory.set(key, value)),
});

/** Kept across page loads where the browser allows it. */
export const store = wrap(lasting);
/** Kept for this tab where the browser allows it. */
export const tabStore = wrap(tab);
