import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const LoadingState = ({ label = 'Loading…' }: { label?: string }) => (
  <p className="state state-loading" role="status">
    {label}
  </p>
);

export const ErrorState = ({ error, onRetry }: { error: unknown; onRetry?: () => void }) => (
  <div className="state state-error" role="alert">
    <p>{errorText(error)}</p>
    {onRetry && (
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    )}
  </div>
);

export const EmptyState = ({ title, children }: { title: string; children?: ReactNode }) => (
  <div className="state state-empty">
    <h2>{title}</h2>
    {children}
  </div>
);

/** Shows loading and error states for a query, and its data once there. */
export const QueryView = <T,>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) => {
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
};
