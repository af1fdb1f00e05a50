/**
 * Hybrid logical clock. A timestamp is `<wall ms, 13 digits>-<counter, 5 digits>-<node>`:
 * plain string comparison orders timestamps, so SQLite and PostgreSQL can sort them as text.
 */
export interface Hlc {
  readonly wallMs: number;
  readonly counter: number;
  readonly node: string;
}

const MAX_COUNTER = 99_999;

export const formatHlc = ({ wallMs, counter, node }: Hlc): string =>
  `${String(wallMs).padStart(13, '0')}-${String(counter).padStart(5, '0')}-${node}`;

export const parseHlc = (text: string): Hlc => {
  const match = /^(\d{13})-(\d{5})-(.+)$/.exec(text);
  if (!match) throw new Error(`Not an HLC timestamp: ${text.slice(0, 80)}`);
  return { wallMs: Number(match[1]), counter: Number(match[2]), node: match[3] as string };
};

/** The next local timestamp: never behind the previous one, even if the wall clock steps back. */
export const tickHlc = (previous: Hlc | null, nowMs: number, node: string): Hlc => {
  if (!previous || nowMs > previous.wallMs) return { wallMs: nowMs, counter: 0, node };
  if (previous.counter >= MAX_COUNTER) return { wallMs: previous.wallMs + 1, counter: 0, node };
  return { wallMs: previous.wallMs, counter: previous.counter + 1, node };
};

/** Merge a remote timestamp so the next local one sorts after everything seen. */
export const receiveHlc = (local: Hlc | null, remote: Hlc, nowMs: number, node: string): Hlc => {
  const wallMs = Math.max(nowMs, local?.wallMs ?? 0, remote.wallMs);
  let counter = 0;
  if (local && wallMs === local.wallMs && wallMs === remote.wallMs) counter = Math.max(local.counter, remote.counter) + 1;
  else if (local && wallMs === local.wallMs) counter = local.counter + 1;
  else if (wallMs === remote.wallMs) counter = remote.counter + 1;
  if (counter > MAX_COUNTER) return { wallMs: wallMs + 1, counter: 0, node };
  return { wallMs, counter, node };
};

export const compareHlc = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
