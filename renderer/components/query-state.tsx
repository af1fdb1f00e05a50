import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiFailure, type FailureText } from '../../shared/contract/result';
import { isServiceMessageId } from '../../shared/i18n/service-messages';
import { useText, type AppText } from '../i18n/app-intl';

/** A failure as the user reads it: a service's refusal in the app's language, anything else as it came. */
export const errorText = (error: unknown, t: AppText['t']): string => {
  if (error instanceof ApiFailure && error.text && isServiceMessageId(error.text.messageId)) return t(error.text.messageId, error.text.values);
  return error instanceof Error ? error.message : String(error);
};

/** A status sentence in the app's language when it came with its catalogue id, else as the service wrote it. */
export const statusText = (said: FailureText | null, english: string, t: AppText['t']): string =>
  said && isServiceMessageId(said.messageId) ? t(said.messageId, said.values) : english;

/** errorText in the app's language, for components. */
export const useErrorText = (): ((error: unknown) => string) => {
  const { t } = useText();
  return (error) => errorText(error, t);
};

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
      <p>{errorText(error, t)}</p>
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
