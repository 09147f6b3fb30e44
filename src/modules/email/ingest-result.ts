/** What taking in one raw message answers, and where the message came from. */

/** Where a raw message came from: an IMAP UID (with its UIDVALIDITY) makes a re-fetch cheap to skip. */
export interface Source {
  uidValidity?: number;
  uid?: number;
}

export type IngestResult =
  | {
      status: 'stored';
      messageId: string;
      interactionId: string;
      threadId: string;
      threadedBy: string | null;
    }
  | { status: 'duplicate'; messageId: string }
  | { status: 'quarantined'; quarantineId: string; reason: string };
