import type { ApiClient } from '../../../shared/contract/api-client';
import type { AppServices } from '../../../electron/services/app-services';
import { answerEverything, recordProbeRun } from './full-case';
import { solidPng } from './png';

/** What the engineer captured on a fully worked case: the things every report must carry to the customer. */
export const captured = {
  context: 'Harbour Foods imports speciality foods for 400 shops and wants AI to forecast demand and answer shop questions.',
  notes: {
    'security.mfa': 'Only the two IT admins use the authenticator app; shop staff sign in with passwords.',
    'operations.backup': 'Restore of the finance share failed in October and nobody was told.',
  } as Record<string, string>,
  image: { fileName: 'server-rack.png', caption: 'Rack in the back office, no lock' },
  file: { fileName: 'restore-log-october.txt', caption: 'Failed restore log' },
  caseFile: { fileName: 'network-diagram.png', caption: 'Network diagram drawn on site' },
  users: 240,
  devices: 260,
};

/**
 * A case answered in full (weak answers, so findings are raised), with the organisation context,
 * notes, an image and a file attached to questions, one file on the case, a probe run, an exception
 * recorded without a name, every bank SKU priced, and a branding profile with proposal wording.
 */
export const fullyCapturedCase = async (api: ApiClient, services: AppServices, customerName = 'Harbour Foods Ltd'): Promise<string> => {
  const c = await api.createCase({ customerName, siteName: 'Head office', siteAddress: '1 Quay Street, Bristol', engineer: 'Dana Engineer', title: 'AI readiness assessment' });
  await answerEverything(api, c.id);
  await api.answerQuestion({ caseId: c.id, questionId: 'strategy.context', value: captured.context });
  await api.answerQuestion({ caseId: c.id, questionId: 'strategy.user_count', value: captured.users });
  await api.answerQuestion({ caseId: c.id, questionId: 'strategy.device_count', value: captured.devices });
  for (const [questionId, note] of Object.entries(captured.notes)) await api.setAnswerNote({ caseId: c.id, questionId, note });
  const png = solidPng(320, 200, [60, 120, 170]).toString('base64');
  await api.addEvidence({ caseId: c.id, questionId: 'security.mfa', fileName: captured.image.fileName, mediaType: 'image/png', caption: captured.image.caption, dataBase64: png });
  await api.addEvidence({ caseId: c.id, questionId: 'operations.backup', fileName: captured.file.fileName, mediaType: 'text/plain', caption: captured.file.caption, dataBase64: Buffer.from('restore failed: share FINANCE\n').toString('base64') });
  await api.addEvidence({ caseId: c.id, questionId: null, fileName: captured.caseFile.fileName, mediaType: 'image/png', caption: captured.caseFile.caption, dataBase64: solidPng(200, 120, [200, 90, 40]).toString('base64') });
  recordProbeRun(services, c.id);
  const score = await api.getCaseScore({ caseId: c.id });
  const gated = score.findings.find((f) => f.gate);
  if (gated) await api.addFindingException({ caseId: c.id, findingId: gated.id, compensatingControl: 'Conditional access limits sign-in to managed devices', reason: 'MFA rollout booked for next quarter' });
  for (const [i, s] of (await api.listQuestionBankSkus({})).entries()) {
    await api.savePriceBookItem({ sku: s.sku, description: `${s.usedBy[0] ?? s.sku}`.slice(0, 80), unitPriceMinor: 5_000 + i * 1_250, currency: 'EUR', quantityRule: s.quantityRule, recurring: i % 3 === 0 });
  }
  const { profile } = await api.saveBrandingProfile({
    name: 'Acme',
    partnerName: 'Acme IT Services',
    primaryColor: '#0b3d6b',
    accentColor: '#b3541e',
    footer: 'Acme IT Services — confidential',
    disclaimer: 'Prepared for the named customer only.',
    proposalText: { scope: '', assumptions: 'Admin access to Microsoft 365 is provided.', exclusions: 'Hardware purchases.', paymentTerms: '50 % on acceptance, 50 % on completion, net 30.' },
  });
  await api.setCaseBranding({ caseId: c.id, profileId: profile.id });
  const settings = await api.getProposalSettings({ caseId: c.id });
  await api.saveProposalSettings({
    ...settings,
    terms: { ...settings.terms, currency: 'EUR', taxes: [{ name: 'GST', ratePercent: 5 }, { name: 'QST', ratePercent: 9.975 }], contractTermMonths: 36 },
  });
  return c.id;
};
