import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useText } from '../i18n/app-intl';

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const LoadingState = ({ label }: { label?: string }) => {
  const { t } = useText();
  return (
    <p className="state state-loading" role="status">
      {label ?? t('common.loading')}
    </p>
  );
};

export const ErrorState = ({ error, onRetry }: { error: unknown; onRetry?: () => void }) => {
  const { t } = useText();
  return (
    <div className="state state-error" role="alert">
      <p>{errorText(error)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      )}
    </div>
  );
};

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
