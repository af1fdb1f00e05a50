import { HubHttpError, HubUnreachableError } from './hub-client';

/** Any sync failure as one sentence a field engineer can act on. */
export const describeSyncError = (error: unknown): string => {
  if (error instanceof HubUnreachableError) {
    return `The partner hub at ${error.hubUrl} could not be reached (${error.detail}). Your changes are kept on this laptop and will be sent when the hub is reachable.`;
  }
  if (error instanceof HubHttpError) {
    if (error.status === 401) {
      return 'The partner hub no longer accepts this device (it may have been revoked, or its access expired). Ask your partner admin for a new enrollment code and enroll again.';
    }
    if (error.status === 403) return `The partner hub refused: ${error.message}`;
    if (error.status === 413) return 'A change is larger than the partner hub accepts. Ask your partner admin to raise the limit.';
    if (error.status >= 500) return `The partner hub had a problem (HTTP ${error.status}). Groundwork will try again; your changes are kept on this laptop.`;
    return `The partner hub refused the request: ${error.message}`;
  }
  if (error instanceof Error) return error.message;
  return 'Sync failed for an unknown reason.';
};
