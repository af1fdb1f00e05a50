import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api';
import type { LogoMime } from '../../../shared/reports/branding';
import type { ProposalSettings } from '../../../shared/reports/proposal-settings';
import type { ReportFormat, ReportKind } from '../../../shared/reports/report-model';

export const reportKeys = {
  source: (caseId: string) => ['reports', 'source', caseId] as const,
  exports: (caseId: string) => ['reports', 'exports', caseId] as const,
  settings: (caseId: string) => ['reports', 'settings', caseId] as const,
  caseBranding: (caseId: string) => ['branding', 'case', caseId] as const,
};

export const useReportSource = (caseId: string) => useQuery({ queryKey: reportKeys.source(caseId), queryFn: () => api.getReportSource({ caseId }) });

export const useReportExports = (caseId: string) =>
  useQuery({ queryKey: reportKeys.exports(caseId), queryFn: () => api.listReportExports({ caseId }) });

export const useProposalSettings = (caseId: string) =>
  useQuery({ queryKey: reportKeys.settings(caseId), queryFn: () => api.getProposalSettings({ caseId }) });

export const useCaseBranding = (caseId: string) =>
  useQuery({ queryKey: reportKeys.caseBranding(caseId), queryFn: () => api.getCaseBranding({ caseId }) });

export const useSaveProposalSettings = (caseId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: ProposalSettings) => api.saveProposalSettings(settings),
    onSuccess: (saved) => {
      client.setQueryData(reportKeys.settings(caseId), saved);
      void client.invalidateQueries({ queryKey: reportKeys.source(caseId) });
    },
  });
};

export const useSetCaseBranding = (caseId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (profileId: string | null) => api.setCaseBranding({ caseId, profileId }),
    onSuccess: (result) => {
      client.setQueryData(reportKeys.caseBranding(caseId), result);
      void client.invalidateQueries({ queryKey: reportKeys.source(caseId) });
    },
  });
};

export const useSetCustomerLogo = (caseId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (logo: { mime: LogoMime; base64: string } | null) =>
      logo ? api.setCustomerLogo({ caseId, ...logo }) : api.clearCustomerLogo({ caseId }),
    onSuccess: () => void client.invalidateQueries({ queryKey: reportKeys.source(caseId) }),
  });
};

/** Saves the bytes the service rendered as a download, under the name it suggested. */
export const download = (fileName: string, mime: string, base64: string): void => {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

export const useExportReport = (caseId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: { kind: ReportKind; format: ReportFormat; proposalId?: string }) => api.exportReport({ caseId, ...args }),
    onSuccess: (result) => {
      download(result.fileName, result.mime, result.base64);
      void client.invalidateQueries({ queryKey: reportKeys.exports(caseId) });
    },
  });
};

/** Renders a recorded export again from its kept inputs and downloads it. */
export const useReproduceExport = () =>
  useMutation({
    mutationFn: (exportId: string) => api.reproduceReportExport({ exportId }),
    onSuccess: (result) => download(result.fileName, result.mime, result.base64),
  });
