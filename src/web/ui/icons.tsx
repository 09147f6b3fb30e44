/** A few line icons drawn inline (24×24, stroke), so the app needs no icon pack. */

const PATHS = {
  home: 'M3 12l9-8 9 8M5 10v10h5v-6h4v6h5V10',
  desk: 'M4 15v-3a8 8 0 0 1 16 0v3M4 14h3v6H4zM17 14h3v6h-3z',
  supervisor: 'M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12zM12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
  customers:
    'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM3 21v-2a6 6 0 0 1 12 0v2M16 3.5a4 4 0 0 1 0 7.5M21 21v-2a6 6 0 0 0-4-5.6',
  knowledge: 'M4 19V5a2 2 0 0 1 2-2h14v16H6a2 2 0 0 0-2 2 2 2 0 0 0 2 2h14',
  workforce: 'M4 6h16v14H4zM4 10h16M8 3v4M16 3v4',
  reports: 'M4 20V11M10 20V4M16 20v-7M2 20h20',
  sales: 'M3 8h18v12H3zM8 8V5h8v3M3 13h18',
  field: 'M12 21s-7-6-7-11a7 7 0 0 1 14 0c0 5-7 11-7 11zM12 7a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
  partner: 'M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1M14 10a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1',
  admin: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z',
  users: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0',
  roles: 'M5 11h14v10H5zM8 11V7a4 4 0 0 1 8 0v4',
  workspace: 'M4 21V5l8-3 8 3v16M3 21h18M9 9h.01M15 9h.01M9 13h.01M15 13h.01M10 21v-4h4v4',
  apiTokens: 'M15 3a5 5 0 1 0 0 10 5 5 0 0 0 0-10zM11.5 11.5L3 20v1h3l1-1v-2h2v-2h2l1.5-1.5',
  audit: 'M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01',
  customerFields: 'M4 5h16v4H4zM4 15h16v4H4zM8 7h.01M8 17h.01',
  customerValue: 'M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1-5.4-2.9-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z',
  queues: 'M4 6h16M4 12h10M4 18h6M18 14l3 3-3 3',
  agentProfiles: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21a7 7 0 0 1 14 0M17 8h5M17 12h5',
  scripts: 'M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h5',
  mailboxes: 'M3 5h18v14H3zM3 6l9 7 9-7',
  emailTemplates: 'M3 5h18v14H3zM3 6l9 7 9-7M7 16h6',
  webChannels: 'M4 4h16v12H8l-4 4zM8 9h8M8 12h5',
  sun: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4',
  moon: 'M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z',
  logout: 'M14 4h5v16h-5M10 8l-4 4 4 4M6 12h10',
  search: 'M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM21 21l-5-5',
  plus: 'M12 5v14M5 12h14',
  keyboard: 'M3 6h18v12H3zM7 10h.01M11 10h.01M15 10h.01M7 14h10',
  alert: 'M12 3l10 18H2zM12 10v4M12 17h.01',
  clock: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7v5l3 3',
  check: 'M5 12l5 5 9-10',
  close: 'M6 6l12 12M18 6L6 18',
  trash: 'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  lockOff: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zM5 5l14 14',
} as const;

export type IconName = keyof typeof PATHS;

/** An icon that takes the current text colour. */
export function Icon({ name, size = 18, label }: { name: IconName; size?: number; label?: string }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
