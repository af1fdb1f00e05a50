import { ApiFailure, type ApiErrorCode } from '../../../shared/contract/result';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import { HubHttpError, HubUnreachableError } from './hub-client';

/** Any sync failure as one sentence a field engineer can act on, refused with the given code. */
export const syncFailure = (code: ApiErrorCode, error: unknown): ApiFailure => {
  if (error instanceof HubUnreachableError) {
    return serviceFailure(code, 'error.sync.hubUnreachable', { hubUrl: error.hubUrl, detail: error.detail });
  }
  if (error instanceof HubHttpError) {
    if (error.status === 401) return serviceFailure(code, 'error.sync.deviceRevoked');
    if (error.status === 403) return serviceFailure(code, 'error.sync.hubForbidden', { detail: error.message });
    if (error.status === 413) return serviceFailure(code, 'error.sync.hubTooLarge');
    if (error.status >= 500) return serviceFailure(code, 'error.sync.hubProblem', { status: String(error.status) });
    return serviceFailure(code, 'error.sync.hubRefusedRequest', { detail: error.message });
  }
  // A refusal made below (with its catalogue id, if it has one) keeps its sentence.
  if (error instanceof ApiFailure) return ApiFailure.fromApiError({ ...error.toApiError(), code });
  if (error instanceof Error) return serviceFailure(code, 'error.sync.failedWith', { detail: error.message });
  return serviceFailure(code, 'error.sync.unknown');
};

/** The same sentence in English, as the sync state records it. */
export const describeSyncError = (error: unknown): string => syncFailure('internal', error).message;
