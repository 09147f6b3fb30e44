/** When the widget re-reads its channel's settings, and whether what it offers changed: pure. */

/** Chat opens and closes with the hours and with agents becoming ready: re-read this often. */
export const REFRESH_EVERY_MS = 60_000;
/** Opening the widget re-reads too, at most this often, so opening and closing it cannot flood the server. */
export const REFRESH_ON_OPEN_GAP_MS = 5_000;

export interface Offer {
  availability: { open: boolean; reason: string | null };
  whenOffline: string;
}

/** Whether the contact buttons (chat, leave a message, call me) must be drawn again. */
export const offerChanged = (before: Offer, after: Offer): boolean =>
  before.availability.open !== after.availability.open ||
  before.availability.reason !== after.availability.reason ||
  before.whenOffline !== after.whenOffline;

/** Whether opening the widget at `now` should re-read, the last read having been at `lastRead`. */
export const refreshOnOpen = (lastRead: number, now: number): boolean =>
  now - lastRead >= REFRESH_ON_OPEN_GAP_MS;
