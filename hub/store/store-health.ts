/**
 * Errors that mean "the store is not there right now" (PostgreSQL restarting or unreachable, a
 * full or failing disk under SQLite) rather than a bug: the hub answers 503 with Retry-After for
 * these, stays up, and serves again as soon as the store does.
 */
const unavailableCodes = new Set([
  // Node sockets
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  // PostgreSQL: admin/crash shutdown, cannot connect now, connection exceptions, too many connections
  '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300',
  // SQLite and the file system under it
  'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_FULL', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'ENOSPC', 'EIO', 'EROFS', 'EDQUOT',
]);

const unavailableMessages = [/connection terminated/i, /timeout exceeded when trying to connect/i, /not queryable/i, /Connection refused/i];

export const isStoreUnavailable = (error: unknown): boolean => {
  if (!error || typeof error !== 'object') return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (unavailableCodes.has(code) || code.startsWith('SQLITE_IOERR'))) return true;
  const message = (error as { message?: unknown }).message;
  if (typeof message === 'string' && unavailableMessages.some((re) => re.test(message))) return true;
  // AggregateError (several addresses refused) and errors wrapping a cause
  const nested = [...((error as { errors?: unknown[] }).errors ?? []), (error as { cause?: unknown }).cause];
  return nested.some((inner) => inner !== error && isStoreUnavailable(inner));
};

/** What /healthz reports: up, or down since when and why (the error's code, not its text). */
export class StoreHealth {
  private downSince: string | null = null;
  private reason: string | null = null;

  get isDown(): boolean {
    return this.downSince !== null;
  }

  markDown(error: unknown): boolean {
    const wasUp = this.downSince === null;
    if (wasUp) this.downSince = new Date().toISOString();
    const code = (error as { code?: unknown } | null)?.code;
    this.reason = typeof code === 'string' ? code : 'unreachable';
    return wasUp;
  }

  /** Returns true when this is the store coming back. */
  markUp(): boolean {
    const wasDown = this.downSince !== null;
    this.downSince = null;
    this.reason = null;
    return wasDown;
  }

  snapshot(): { readonly down: boolean; readonly since: string | null; readonly reason: string | null } {
    return { down: this.isDown, since: this.downSince, reason: this.reason };
  }
}

/** Seconds a device should wait before trying again while the store is down. */
export const storeRetryAfterSeconds = 5;
