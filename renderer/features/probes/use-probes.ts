import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api';
import type { ProbeId, ProbeTargetsInput } from '../../../shared/probes/probe-schemas';
import { bundleEncodingOf } from '../../../shared/probes/bundle-encoding';

/** File.text() reads UTF-8 only: a bundle PowerShell 5 wrote (UTF-16) is decoded by its own encoding. */
const readBundleText = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { encoding, bomBytes } = bundleEncodingOf(bytes);
  // Not fatal: a broken byte becomes U+FFFD, which the bundle's hash check then refuses with a sentence.
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(bomBytes));
};

export const probeKeys = {
  catalog: ['probes', 'catalog'] as const,
  runs: (caseId: string) => ['probes', 'runs', caseId] as const,
  run: (runId: string) => ['probes', 'run', runId] as const,
  progress: (runId: string) => ['probes', 'progress', runId] as const,
};

export const useProbeCatalog = () => useQuery({ queryKey: probeKeys.catalog, queryFn: () => api.listProbes({}), staleTime: Infinity });

export const useProbeRuns = (caseId: string) => useQuery({ queryKey: probeKeys.runs(caseId), queryFn: () => api.listProbeRuns({ caseId }) });

export const useProbeRun = (runId: string | null) =>
  useQuery({ queryKey: probeKeys.run(runId ?? ''), queryFn: () => api.getProbeRun({ runId: runId as string }), enabled: runId !== null });

/** Polls a run's live progress every 300 ms until it stops running; then refreshes history and results. */
export const useProbeProgress = (caseId: string, runId: string | null) => {
  const client = useQueryClient();
  return useQuery({
    queryKey: probeKeys.progress(runId ?? ''),
    enabled: runId !== null,
    queryFn: async () => {
      const progress = await api.getProbeProgress({ runId: runId as string });
      if (progress.status !== 'running') {
        void client.invalidateQueries({ queryKey: probeKeys.runs(caseId) });
        void client.invalidateQueries({ queryKey: probeKeys.run(progress.runId) });
      }
      return progress;
    },
    refetchInterval: (query) => (query.state.data && query.state.data.status !== 'running' ? false : 300),
  });
};

export const useStartProbeRun = (caseId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { probeIds: ProbeId[]; targets: ProbeTargetsInput }) => api.startProbeRun({ caseId, ...input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: probeKeys.runs(caseId) }),
  });
};

export const useCancelProbeRun = (caseId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (runId: string) => api.cancelProbeRun({ runId }),
    onSuccess: (progress) => {
      client.setQueryData(probeKeys.progress(progress.runId), progress);
      void client.invalidateQueries({ queryKey: probeKeys.runs(caseId) });
    },
  });
};

export const useImportBundle = (caseId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => api.importProbeBundle({ caseId, bundleText: await readBundleText(file) }),
    onSuccess: () => void client.invalidateQueries({ queryKey: probeKeys.runs(caseId) }),
  });
};
