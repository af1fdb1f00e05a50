import { pino, type DestinationStream, type Logger } from 'pino';

/** The hub's logger: pino's API, JSON lines on stdout for the container's log collector. */
export type HubLog = Logger;

export interface HubLogOptions {
  readonly level?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Where the lines go; stdout unless a test captures them. */
  readonly destination?: DestinationStream;
}

/**
 * Partner and device names stay out; ids go in. The device's operation id arrives in the
 * x-groundwork-op header and becomes the request id, so one sync can be followed on both sides.
 */
export const createHubLog = (options: HubLogOptions = {}): HubLog =>
  pino(
    {
      level: options.level ?? (process.env.GROUNDWORK_HUB_LOG_LEVEL as HubLogOptions['level']) ?? 'info',
      redact: { paths: ['name', '*.name', 'partnerName', '*.partnerName', 'req.headers.authorization'], censor: '[redacted]' },
    },
    options.destination ?? pino.destination({ fd: 1, sync: false }),
  );
