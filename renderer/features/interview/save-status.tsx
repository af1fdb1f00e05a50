export type SaveStatus = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'error'; message: string };

/** "Saving…", "Saved" or why not, announced to screen readers. */
export const SaveStatusLine = ({ status }: { status: SaveStatus }) => (
  <span className={`save-status save-${status.state}`} role="status">
    {status.state === 'saving' ? 'Saving…' : status.state === 'saved' ? 'Saved' : status.state === 'error' ? `Not saved: ${status.message}` : ''}
  </span>
);
