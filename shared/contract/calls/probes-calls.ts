import { z } from 'zod';
import { defineCall } from '../define-call';
import {
  probeIdSchema,
  probeInfoSchema,
  probeProgressSchema,
  probeRunDetailSchema,
  probeRunSummarySchema,
  probeTargetsSchema,
} from '../../probes/probe-schemas';

const runId = z.object({ runId: z.uuid({ error: 'must be a run id (UUID)' }) });

export const probesCalls = {
  'probes:catalog': defineCall({
    method: 'listProbes',
    summary: 'Every probe: what it measures, where it runs, its timeout, whether it is in the default suite',
    input: z.object({}).strict(),
    output: z.array(probeInfoSchema),
  }),
  'probes:start': defineCall({
    method: 'startProbeRun',
    summary: 'Start a probe run on a case in the background; poll probes:progress for live progress',
    input: z.object({
      caseId: z.uuid({ error: 'must be a case id (UUID)' }),
      /** Omitted: the default suite. */
      probeIds: z.array(probeIdSchema).min(1, 'Choose at least one probe').max(20).optional(),
      targets: probeTargetsSchema.default(probeTargetsSchema.parse({})),
    }),
    output: runId,
  }),
  'probes:progress': defineCall({
    method: 'getProbeProgress',
    summary: 'Live per-probe progress of a run (or the final state of a finished one)',
    input: runId,
    output: probeProgressSchema,
  }),
  'probes:cancel': defineCall({
    method: 'cancelProbeRun',
    summary: 'Cancel a running probe run; every socket closes within a second',
    input: runId,
    output: probeProgressSchema,
  }),
  'probes:list-runs': defineCall({
    method: 'listProbeRuns',
    summary: 'Probe runs of a case, newest first',
    input: z.object({ caseId: z.uuid({ error: 'must be a case id (UUID)' }) }),
    output: z.array(probeRunSummarySchema),
  }),
  'probes:get-run': defineCall({
    method: 'getProbeRun',
    summary: 'One probe run with every result, metrics and raw samples',
    input: runId,
    output: probeRunDetailSchema,
  }),
  'probes:import': defineCall({
    method: 'importProbeBundle',
    summary: 'Validate a collector bundle (the file text) and attach it to a case as a run',
    input: z.object({
      caseId: z.uuid({ error: 'must be a case id (UUID)' }),
      bundleText: z.string().max(20 * 1024 * 1024, 'The bundle is larger than 20 MB'),
    }),
    output: probeRunSummarySchema,
  }),
} as const;
