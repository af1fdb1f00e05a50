/**
 * An operation id names one user action from the renderer call to the service's log lines
 * (and the hub's, for sync). The caller makes it; anything that is not one is replaced.
 */
export const operationIdHeader = 'x-groundwork-op';

export const isOperationId = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(value);
