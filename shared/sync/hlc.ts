/**
 * Hybrid logical clock. A timestamp is `<wall ms, 13 digits>-<counter, 5 digits>-<node>`:
 * plain string comparison orders timestamps, so SQLite and PostgreSQL can sort them as text.
 *
 * Every function here returns a state that formats to a parseable timestamp, whatever it is
 * given (huge or negative wall times, overflowing counters, odd node strings): a clock that
 * cannot be written down would stop every local write. Clocks from elsewhere are only taken
 * within a bounded skew of the receiver's own physical clock (see `checkRemoteHlc`).
 */
export interface Hlc {
  readonly wallMs: number;
  readonly counter: number;
  readonly node: string;
}

/** The largest wall time 13 digits hold (year 2286); the clock saturates here rather than grow a digit. */
export const maxWallMs = 9_999_999_999_999;
export const maxCounter = 99_999;
export const maxNodeLength = 100;

/** How far ahead of the receiver's physical clock a timestamp may be and still be taken. */
export const defaultMaxClockSkewMs = 5 * 60_000;

/** Printable ASCII without spaces: what a node (device id) may contain. */
export const hlcPattern = /^(\d{13})-(\d{5})-([\x21-\x7e]{1,100})$/;

const clampInt = (value: number, max: number): number => (Number.isFinite(value) ? Math.min(max, Math.max(0, Math.floor(value))) : 0);

/** A node name that fits the format: other characters become `_`, at most 100, never empty. */
export const normaliseNode = (node: string): string => {
  const cleaned = String(node).replace(/[^\x21-\x7e]/g, '_').slice(0, maxNodeLength);
  return cleaned.length > 0 ? cleaned : '_';
};

const normalise = ({ wallMs, counter, node }: Hlc): Hlc => ({
  wallMs: clampInt(wallMs, maxWallMs),
  counter: clampInt(counter, maxCounter),
  node: normaliseNode(node),
});

export const formatHlc = (hlc: Hlc): string => {
  const { wallMs, counter, node } = normalise(hlc);
  return `${String(wallMs).padStart(13, '0')}-${String(counter).padStart(5, '0')}-${node}`;
};

export const tryParseHlc = (text: string): Hlc | null => {
  const match = hlcPattern.exec(text);
  if (!match) return null;
  return { wallMs: Number(match[1]), counter: Number(match[2]), node: match[3] as string };
};

export const parseHlc = (text: string): Hlc => {
  const parsed = tryParseHlc(text);
  if (!parsed) throw new Error(`Not an HLC timestamp: ${JSON.stringify(String(text).slice(0, 80))}`);
  return parsed;
};

/** One step after `(wallMs, counter)`; at the very end of time it stays put (still parseable). */
const after = (wallMs: number, counter: number, node: string): Hlc => {
  if (counter < maxCounter) return { wallMs, counter: counter + 1, node };
  if (wallMs < maxWallMs) return { wallMs: wallMs + 1, counter: 0, node };
  return { wallMs: maxWallMs, counter: maxCounter, node };
};

/** The next local timestamp: never behind the previous one, even if the wall clock steps back. */
export const tickHlc = (previous: Hlc | null, nowMs: number, node: string): Hlc => {
  const now = clampInt(nowMs, maxWallMs);
  const self = normaliseNode(node);
  if (!previous) return { wallMs: now, counter: 0, node: self };
  const prev = normalise(previous);
  if (now > prev.wallMs) return { wallMs: now, counter: 0, node: self };
  return after(prev.wallMs, prev.counter, self);
};

/**
 * Merge a remote timestamp so the next local one sorts after everything seen. The caller checks
 * the remote one with `checkRemoteHlc` first: a clock far ahead must never be taken.
 */
export const receiveHlc = (local: Hlc | null, remote: Hlc, nowMs: number, node: string): Hlc => {
  const now = clampInt(nowMs, maxWallMs);
  const self = normaliseNode(node);
  const theirs = normalise(remote);
  const mine = local ? normalise(local) : null;
  const wallMs = Math.max(now, mine?.wallMs ?? 0, theirs.wallMs);
  const counters = [mine && mine.wallMs === wallMs ? mine.counter : -1, theirs.wallMs === wallMs ? theirs.counter : -1];
  const highest = Math.max(...counters);
  if (highest < 0) return { wallMs, counter: 0, node: self };
  return after(wallMs, highest, self);
};

export type RemoteHlcCheck = { readonly ok: true; readonly hlc: Hlc } | { readonly ok: false; readonly reason: string };

const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

export type SkewUnit = 'minute' | 'hour' | 'day' | 'year';

/** How far apart two clocks are, in the one unit a person would use: 7 minutes, 2 hours, 261 years. */
export const skewParts = (signedMs: number): { readonly amount: number; readonly unit: SkewUnit } => {
  const ms = Math.abs(signedMs);
  if (ms < 90 * 60_000) return { amount: Math.max(1, Math.round(ms / 60_000)), unit: 'minute' };
  if (ms < 48 * 3_600_000) return { amount: Math.round(ms / 3_600_000), unit: 'hour' };
  if (ms < 730 * 86_400_000) return { amount: Math.round(ms / 86_400_000), unit: 'day' };
  return { amount: Math.round(ms / (365.25 * 86_400_000)), unit: 'year' };
};

/** Says how far apart two clocks are in English words ("7 minutes", "2 hours", "261 years"). */
export const describeSkew = (signedMs: number): string => {
  const { amount, unit } = skewParts(signedMs);
  return plural(amount, unit);
};

/**
 * Whether a timestamp from elsewhere may be taken: it must parse and be no more than
 * `maxSkewMs` ahead of this receiver's physical clock. Timestamps in the past are fine (offline
 * edits arrive late); one from the future would win every conflict and drag our clock along.
 */
export const checkRemoteHlc = (text: string, nowMs: number, maxSkewMs: number = defaultMaxClockSkewMs): RemoteHlcCheck => {
  const hlc = tryParseHlc(text);
  if (!hlc) return { ok: false, reason: 'its clock is not a readable timestamp' };
  const ahead = hlc.wallMs - nowMs;
  if (ahead > maxSkewMs) {
    return { ok: false, reason: `its clock is ${describeSkew(ahead)} ahead of this one (at most ${describeSkew(maxSkewMs)} is accepted)` };
  }
  return { ok: true, hlc };
};

export const compareHlc = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
