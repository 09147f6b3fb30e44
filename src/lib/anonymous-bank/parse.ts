/**
 * Parser of the "Anonymous Bank" per-call records (Guedj & Mandelbaum, Technion SEE call-center data):
 * one tab-separated line per call, 17 fields, one optional header line. Pure: text in, records out.
 * Shared by the routing simulator and workforce management.
 */

/** One call as recorded by the bank. Times are seconds since local midnight of `date`. */
export interface BankCall {
  /** Voice-response unit and line the call came in on, e.g. `AA0101`. */
  vruLine: string;
  /** Call id, unique per VRU only. */
  callId: string;
  /** Caller's customer id; `'0'` when not identified. */
  customerId: string;
  /** 0 or 1 = regular customer, 2 = high-value customer (served as if it had already waited 90 s). */
  priority: 0 | 1 | 2;
  /** Service type: PS, PE, IN, NE, NW, TT, AA. */
  type: string;
  /** Date of the call, YYYY-MM-DD. */
  date: string;
  /** Entered the voice-response unit. */
  vruEntry: number;
  /** Left the voice-response unit. */
  vruExit: number;
  /** Seconds in the voice-response unit; negative in a few rows where the VRU's clock ran ahead. */
  vruTime: number;
  /**
   * Joined the queue; `null` when the call never queued (went straight to an agent or hung up in the VRU).
   * Like every time after `vruEntry`, it is at or above 86,400 when it fell after the next midnight,
   * so that times of one call always sort in the order they happened.
   */
  qStart: number | null;
  /** Left the queue; `null` when the call never queued. */
  qExit: number | null;
  /** Seconds in the queue (0 when the call never queued). */
  qTime: number;
  /** AGENT = served, HANG = caller hung up (in the VRU or in the queue), PHANTOM = spurious record. */
  outcome: 'AGENT' | 'HANG' | 'PHANTOM';
  /** Service started; `null` when not recorded. */
  serStart: number | null;
  /** Service ended; `null` when not recorded. */
  serExit: number | null;
  /** Service seconds. */
  serTime: number;
  /** Agent's name; `null` for NO_SERVER. */
  server: string | null;
}

/** A row of the file that is not a valid record: names the 1-based line number and the field. */
export class AnonymousBankParseError extends Error {
  constructor(
    readonly line: number,
    readonly field: string,
    detail: string,
  ) {
    super(`Anonymous Bank line ${line}, field ${field}: ${detail}`);
    this.name = 'AnonymousBankParseError';
  }
}

/** Field names in file order, as in the header line. */
export const ANONYMOUS_BANK_FIELDS = [
  'vru+line',
  'call_id',
  'customer_id',
  'priority',
  'type',
  'date',
  'vru_entry',
  'vru_exit',
  'vru_time',
  'q_start',
  'q_exit',
  'q_time',
  'outcome',
  'ser_start',
  'ser_exit',
  'ser_time',
  'server',
] as const;

const DAY = 86_400;
const HALF_DAY = 43_200;
const TIME = /^(\d{1,2}):([0-5]\d):([0-5]\d)$/;
const COUNT = /^\d+$/;
const SIGNED = /^-?\d+$/;
const DATE = /^(\d{2})(\d{2})(\d{2})$/;
const OUTCOMES = new Set(['AGENT', 'HANG', 'PHANTOM']);

/**
 * Parses a whole file. Skips the header line and blank lines; accepts LF or CRLF line ends.
 * Throws an {@link AnonymousBankParseError} naming the line number and field of the first bad row.
 *
 * @example
 * const calls = parseAnonymousBank(readFileSync('january-1999.tsv', 'utf8'));
 * const served = calls.filter((c) => c.outcome === 'AGENT').length;
 */
export function parseAnonymousBank(text: string): BankCall[] {
  return [...iterateAnonymousBank(text.split('\n'))];
}

/**
 * Parses lines one at a time, for large files or streams split into lines by the caller.
 * Line numbers in errors count from 1 at the first line given.
 *
 * @example
 * for (const call of iterateAnonymousBank(text.split('\n'))) count(call);
 */
export function* iterateAnonymousBank(lines: Iterable<string>): Generator<BankCall> {
  let lineNo = 0;
  for (const line of lines) {
    lineNo++;
    const call = parseLine(line, lineNo);
    if (call) yield call;
  }
}

/**
 * Asynchronous variant of {@link iterateAnonymousBank}, e.g. over `readline.createInterface(stream)`.
 *
 * @example
 * for await (const call of streamAnonymousBank(createInterface({ input: createReadStream(file) }))) …
 */
export async function* streamAnonymousBank(lines: AsyncIterable<string>): AsyncGenerator<BankCall> {
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    const call = parseLine(line, lineNo);
    if (call) yield call;
  }
}

/** Parses one line; `null` for the header and blank lines. */
export function parseLine(raw: string, lineNo: number): BankCall | null {
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (line.trim() === '' || line.startsWith('vru+line')) return null;
  const f = line.split('\t');
  if (f.length !== ANONYMOUS_BANK_FIELDS.length) {
    throw new AnonymousBankParseError(lineNo, 'line', `expected 17 tab-separated fields, got ${f.length}`);
  }
  const field = (i: number): string => f[i]!.trim();
  const text = (i: number): string => {
    const v = field(i);
    if (v === '') throw new AnonymousBankParseError(lineNo, ANONYMOUS_BANK_FIELDS[i]!, 'is empty');
    return v;
  };
  const int = (i: number, pattern = COUNT): number => {
    const v = field(i);
    if (!pattern.test(v)) {
      throw new AnonymousBankParseError(lineNo, ANONYMOUS_BANK_FIELDS[i]!, `expected a number, got "${v}"`);
    }
    return Number(v);
  };
  const clock = (i: number): number => {
    const v = field(i);
    const m = TIME.exec(v);
    if (!m || Number(m[1]) > 23) {
      throw new AnonymousBankParseError(lineNo, ANONYMOUS_BANK_FIELDS[i]!, `expected H:MM:SS, got "${v}"`);
    }
    return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  };

  const priority = int(3);
  if (priority > 2)
    throw new AnonymousBankParseError(lineNo, 'priority', `expected 0, 1 or 2, got ${priority}`);
  const outcome = text(12);
  if (!OUTCOMES.has(outcome)) {
    throw new AnonymousBankParseError(lineNo, 'outcome', `expected AGENT, HANG or PHANTOM, got "${outcome}"`);
  }

  const vruEntry = clock(6);
  // A time earlier than the VRU entry by more than half a day fell after the next midnight: the file
  // records clock times only. Half a day, because service may be logged a second or two before the
  // VRU exit (clock skew between systems), and no call lasts twelve hours.
  const after = (t: number): number => (t + HALF_DAY < vruEntry ? t + DAY : t);
  // 0:00:00 with a zero duration is the file's "did not happen"; a real midnight has a duration.
  const optional = (timeIndex: number, duration: number): number | null => {
    const t = clock(timeIndex);
    return t === 0 && duration === 0 ? null : after(t);
  };
  const qTime = int(11);
  const serTime = int(15);
  const server = text(16);

  return {
    vruLine: text(0),
    callId: text(1),
    customerId: text(2),
    priority: priority as 0 | 1 | 2,
    type: text(4),
    date: parseDate(field(5), lineNo),
    vruEntry,
    vruExit: after(clock(7)),
    vruTime: int(8, SIGNED),
    qStart: optional(9, qTime),
    qExit: optional(10, qTime),
    qTime,
    outcome: outcome as BankCall['outcome'],
    serStart: optional(13, serTime),
    serExit: optional(14, serTime),
    serTime,
    server: server === 'NO_SERVER' ? null : server,
  };
}

function parseDate(v: string, lineNo: number): string {
  const m = DATE.exec(v);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > 31) {
    throw new AnonymousBankParseError(lineNo, 'date', `expected YYMMDD, got "${v}"`);
  }
  // The records are from 1999; a two-digit year below 50 would mean the 2000s.
  const year = Number(m[1]) < 50 ? 2000 + Number(m[1]) : 1900 + Number(m[1]);
  return `${year}-${m[2]}-${m[3]}`;
}
