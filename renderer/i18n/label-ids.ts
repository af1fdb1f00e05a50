import type { CaseStatus } from '../../shared/domain/cases';
import type { ReadinessLevel, Severity, Stakeholder } from '../../shared/interview/bank-schema';
import type { AppInfo } from '../../shared/domain/app-info';
import type { UiMessageId } from '../../shared/i18n/ui-messages-en';

// Each value's message id spelled out (not built from the value), so the catalogue test sees every
// id in use and the type checker sees a new value without its message.

export const statusIds: Record<CaseStatus, UiMessageId> = { draft: 'status.draft', in_progress: 'status.in_progress', complete: 'status.complete' };

export const levelIds: Record<ReadinessLevel, UiMessageId> = {
  pacesetter: 'levelName.pacesetter',
  chaser: 'levelName.chaser',
  follower: 'levelName.follower',
  laggard: 'levelName.laggard',
};

export const severityIds: Record<Severity, UiMessageId> = {
  critical: 'severityName.critical',
  high: 'severityName.high',
  medium: 'severityName.medium',
  low: 'severityName.low',
};

export const stakeholderIds: Record<Stakeholder, UiMessageId> = {
  it_lead: 'stakeholder.it_lead',
  operations: 'stakeholder.operations',
  finance: 'stakeholder.finance',
  executive: 'stakeholder.executive',
  end_user: 'stakeholder.end_user',
};

export const eventKindIds = {
  started: 'events.kind.started',
  completed: 'events.kind.completed',
  reopened: 'events.kind.reopened',
  reassigned: 'events.kind.reassigned',
  reassessed: 'events.kind.reassessed',
} as const satisfies Record<string, UiMessageId>;

export const transportIds: Record<AppInfo['transport'], UiMessageId> = {
  ipc: 'settings.transport.ipc',
  'http-bridge': 'settings.transport.http-bridge',
  cli: 'settings.transport.cli',
};

export const keyProtectionIds: Record<AppInfo['keyProtection']['method'], UiMessageId> = {
  'os-keychain': 'settings.key.os-keychain',
  'safe-storage': 'settings.key.safe-storage',
  passphrase: 'settings.key.passphrase',
};
