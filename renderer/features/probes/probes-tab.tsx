import { useId, useState, type ReactNode } from 'react';
import { useMeasurementWords } from '../../i18n/use-measurement-words';
import type { CaseTabProps } from '../../app/case-tabs';
import { ErrorState, QueryView } from '../../components/query-state';
import { defaultAiEndpoints, type ProbeId, type ProbeInfo, type ProbeRunSummary, type ProbeStatus, type ProbeTargetsInput } from '../../../shared/probes/probe-schemas';
import { useText } from '../../i18n/app-intl';
import { intlLocaleOf } from '../../../shared/i18n/locales';
import { RunResults, statusIds } from './run-results';
import { useCancelProbeRun, useImportBundle, useProbeCatalog, useProbeProgress, useProbeRun, useProbeRuns, useStartProbeRun } from './use-probes';
import './probes.css';

const lines = (text: string): string[] =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

interface TargetsDraft {
  hosts: string;
  includeGateway: boolean;
  reflector: string;
  iperf3: string;
  aiEndpoints: string;
  dnsNames: string;
  resolvers: string;
  ntpServer: string;
  throughputSeconds: number;
  throughputStreams: number;
  sweepAuthorised: boolean;
  sweepBy: string;
  sweepScope: string;
  sweepReason: string;
}

const initialDraft: TargetsDraft = {
  hosts: '',
  includeGateway: true,
  reflector: '',
  iperf3: '',
  aiEndpoints: defaultAiEndpoints.join('\n'),
  dnsNames: 'example.com\nmicrosoft.com',
  resolvers: '',
  ntpServer: 'pool.ntp.org',
  throughputSeconds: 10,
  throughputStreams: 4,
  sweepAuthorised: false,
  sweepBy: '',
  sweepScope: '',
  sweepReason: '',
};

const toTargets = (d: TargetsDraft): ProbeTargetsInput => ({
  hosts: lines(d.hosts),
  includeGateway: d.includeGateway,
  ...(d.reflector.trim() ? { reflector: d.reflector.trim() } : {}),
  ...(d.iperf3.trim() ? { iperf3: d.iperf3.trim() } : {}),
  aiEndpoints: lines(d.aiEndpoints),
  dnsNames: lines(d.dnsNames),
  resolvers: lines(d.resolvers),
  ntpServer: d.ntpServer.trim() || 'pool.ntp.org',
  throughputSeconds: d.throughputSeconds,
  throughputStreams: d.throughputStreams,
  ...(d.sweepAuthorised ? { sweep: { authorisedBy: d.sweepBy, scope: d.sweepScope, reason: d.sweepReason } } : {}),
});

const Field = ({ label, hint, children }: { label: string; hint?: ReactNode; children: (id: string) => ReactNode }) => {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint && <p className="field-hint">{hint}</p>}
    </div>
  );
};

const NewRunForm = ({ caseId, catalog, onStarted, disabled }: { caseId: string; catalog: ProbeInfo[]; onStarted: (runId: string) => void; disabled: boolean }) => {
  const [chosen, setChosen] = useState<Set<ProbeId>>(() => new Set(catalog.filter((p) => p.inDefaultSuite && p.supportedHere).map((p) => p.id)));
  const [draft, setDraft] = useState<TargetsDraft>(initialDraft);
  const start = useStartProbeRun(caseId);
  const { t, rich } = useText();
  const words = useMeasurementWords();
  const set = <K extends keyof TargetsDraft>(key: K, value: TargetsDraft[K]) => setDraft({ ...draft, [key]: value });
  const toggle = (id: ProbeId) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };
  return (
    <form
      className="card probe-form"
      aria-label={t('probes.new')}
      onSubmit={(e) => {
        e.preventDefault();
        start.mutate({ probeIds: catalog.filter((p) => chosen.has(p.id)).map((p) => p.id), targets: toTargets(draft) }, { onSuccess: (r) => onStarted(r.runId) });
      }}
    >
      <h2>{t('probes.new')}</h2>
      <fieldset className="probe-choice">
        <legend>{t('probes.probes')}</legend>
        {catalog.map((p) => (
          <label key={p.id} className="probe-choice-item" title={p.measures.join(', ')}>
            <input type="checkbox" checked={chosen.has(p.id)} disabled={!p.supportedHere} onChange={() => toggle(p.id)} />
            {words.probeTitle({ probeId: p.id, title: p.title })}
            {!p.inDefaultSuite && (
              <>
                {' '}
                <span className="muted">{t('probes.notDefault')}</span>
              </>
            )}
          </label>
        ))}
      </fieldset>
      <fieldset className="probe-targets">
        <legend>{t('probes.targets')}</legend>
        <div className="form-row">
          <Field label={t('probes.latencyTargets')} hint={t('probes.latencyTargetsHint')}>
            {(id) => <textarea id={id} className="input" rows={2} value={draft.hosts} onChange={(e) => set('hosts', e.target.value)} />}
          </Field>
          <Field label={t('probes.aiEndpoints')} hint={t('probes.aiEndpointsHint')}>
            {(id) => <textarea id={id} className="input" rows={2} value={draft.aiEndpoints} onChange={(e) => set('aiEndpoints', e.target.value)} />}
          </Field>
        </div>
        <label className="probe-inline-check">
          <input type="checkbox" checked={draft.includeGateway} onChange={(e) => set('includeGateway', e.target.checked)} /> {t('probes.includeGateway')}
        </label>
        <div className="form-row">
          <Field label={t('probes.reflector')} hint={rich('probes.reflectorHint', { command: <code>groundwork reflector</code> })}>
            {(id) => <input id={id} className="input" value={draft.reflector} onChange={(e) => set('reflector', e.target.value)} />}
          </Field>
          <Field label={t('probes.iperf3')} hint={rich('probes.iperf3Hint', { command: <code>iperf3 -s</code> })}>
            {(id) => <input id={id} className="input" value={draft.iperf3} onChange={(e) => set('iperf3', e.target.value)} />}
          </Field>
          <Field label={t('probes.throughputSeconds')}>
            {(id) => <input id={id} className="input" type="number" min={1} max={60} value={draft.throughputSeconds} onChange={(e) => set('throughputSeconds', Number(e.target.value))} />}
          </Field>
          <Field label={t('probes.streams')}>
            {(id) => <input id={id} className="input" type="number" min={1} max={16} value={draft.throughputStreams} onChange={(e) => set('throughputStreams', Number(e.target.value))} />}
          </Field>
        </div>
        <div className="form-row">
          <Field label={t('probes.dnsNames')} hint={t('probes.onePerLine')}>
            {(id) => <textarea id={id} className="input" rows={2} value={draft.dnsNames} onChange={(e) => set('dnsNames', e.target.value)} />}
          </Field>
          <Field label={t('probes.resolvers')} hint={t('probes.resolversHint')}>
            {(id) => <textarea id={id} className="input" rows={2} value={draft.resolvers} onChange={(e) => set('resolvers', e.target.value)} />}
          </Field>
          <Field label={t('probes.ntpServer')}>{(id) => <input id={id} className="input" value={draft.ntpServer} onChange={(e) => set('ntpServer', e.target.value)} />}</Field>
        </div>
        <label className="probe-inline-check">
          <input type="checkbox" checked={draft.sweepAuthorised} onChange={(e) => set('sweepAuthorised', e.target.checked)} /> {t('probes.sweep')}
        </label>
        {draft.sweepAuthorised && (
          <div className="form-row probe-sweep">
            <Field label={t('probes.sweepBy')} hint={t('probes.sweepByHint')}>
              {(id) => <input id={id} className="input" value={draft.sweepBy} onChange={(e) => set('sweepBy', e.target.value)} required />}
            </Field>
            <Field label={t('probes.sweepScope')}>
              {(id) => <input id={id} className="input" value={draft.sweepScope} placeholder="192.168.1.0/24" onChange={(e) => set('sweepScope', e.target.value)} required />}
            </Field>
            <Field label={t('probes.sweepReason')}>{(id) => <input id={id} className="input" value={draft.sweepReason} onChange={(e) => set('sweepReason', e.target.value)} />}</Field>
          </div>
        )}
      </fieldset>
      {start.error ? <ErrorState error={start.error} /> : null}
      <button type="submit" className="button button-primary" disabled={disabled || start.isPending || chosen.size === 0}>
        {t('probes.start', { count: chosen.size })}
      </button>
    </form>
  );
};

const ActiveRun = ({ caseId, runId, onDone }: { caseId: string; runId: string; onDone: () => void }) => {
  const progress = useProbeProgress(caseId, runId);
  const cancel = useCancelProbeRun(caseId);
  const { t, fmt } = useText();
  const words = useMeasurementWords();
  const data = progress.data;
  const running = !data || data.status === 'running';
  return (
    <section className="card probe-progress" aria-labelledby="probe-progress-title" aria-live="polite">
      <header className="probe-result-header">
        <h2 id="probe-progress-title">{running ? t('probes.running') : t('probes.runStatus', { status: data?.status ?? 'running' })}</h2>
        {running ? (
          <button type="button" className="button button-secondary" disabled={cancel.isPending} onClick={() => cancel.mutate(runId)}>
            {t('common.cancel')}
          </button>
        ) : (
          <button type="button" className="button button-quiet" onClick={onDone}>
            {t('probes.close')}
          </button>
        )}
      </header>
      {progress.error ? <ErrorState error={progress.error} /> : null}
      <ul className="probe-bars">
        {(data?.probes ?? []).map((p) => (
          <li key={p.probeId}>
            <span className="probe-bar-title">{words.probeTitle(p)}</span>
            <progress max={1} value={p.fraction} aria-label={t('probes.progressOf', { probe: words.probeTitle(p) })} />
            <span className={`probe-bar-state ${p.status ? `probe-status-${p.status}` : ''}`}>{p.status ? t(statusIds[p.status]) : fmt.percent(p.fraction)}</span>
            {p.message && <span className="probe-bar-message muted">{p.message}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
};

const ImportBundle = ({ caseId }: { caseId: string }) => {
  const importBundle = useImportBundle(caseId);
  const id = useId();
  const { t } = useText();
  return (
    <div className="probe-import">
      <label htmlFor={id} className="button button-secondary">
        {t('probes.import')}
      </label>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) importBundle.mutate(file);
          e.target.value = '';
        }}
      />
      {importBundle.isSuccess && <span role="status">{t('probes.imported', { count: importBundle.data.probeIds.length, host: importBundle.data.host })}</span>}
      {importBundle.error ? <ErrorState error={importBundle.error} /> : null}
    </div>
  );
};

const RunHistory = ({ runs, selected, onSelect }: { runs: ProbeRunSummary[]; selected: string | null; onSelect: (id: string) => void }) => {
  const { t, locale, dateTime } = useText();
  const list = new Intl.ListFormat(intlLocaleOf(locale), { type: 'unit', style: 'short' });
  const counts = (run: ProbeRunSummary) =>
    list.format(
      Object.entries(run.resultCounts)
        .filter(([, n]) => n > 0)
        .map(([status, n]) => t('probes.history.count', { status: status as ProbeStatus, count: n })),
    );
  return (
    <section className="card" aria-labelledby="probe-history-title">
      <h2 id="probe-history-title">{t('probes.history')}</h2>
      {runs.length === 0 ? (
        <p className="muted">{t('probes.history.none')}</p>
      ) : (
        <ul className="probe-history">
          {runs.map((run) => {
            const summary = counts(run);
            return (
              <li key={run.id}>
                <button type="button" className={`button button-quiet ${selected === run.id ? 'probe-history-selected' : ''}`} aria-pressed={selected === run.id} onClick={() => onSelect(run.id)}>
                  {t('probes.history.row', {
                    when: dateTime(run.startedAt, true),
                    collector: run.source === 'collector' ? 'yes' : 'no',
                    host: run.host,
                    status: run.status,
                    hasCounts: summary ? 'yes' : 'no',
                    counts: summary,
                  })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
};

const SelectedRun = ({ runId }: { runId: string }) => {
  const run = useProbeRun(runId);
  return <QueryView query={run}>{(detail) => <RunResults run={detail} />}</QueryView>;
};

export const ProbesTab = ({ caseId }: CaseTabProps) => {
  const catalog = useProbeCatalog();
  const runs = useProbeRuns(caseId);
  const [activeRun, setActiveRun] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const shown = selected ?? runs.data?.[0]?.id ?? null;
  return (
    <div className="probes-tab">
      <QueryView query={catalog}>
        {(list) => (
          <NewRunForm
            caseId={caseId}
            catalog={list}
            disabled={activeRun !== null}
            onStarted={(runId) => {
              setActiveRun(runId);
              setSelected(runId);
            }}
          />
        )}
      </QueryView>
      {activeRun && <ActiveRun caseId={caseId} runId={activeRun} onDone={() => setActiveRun(null)} />}
      <ImportBundle caseId={caseId} />
      <QueryView query={runs}>{(list) => <RunHistory runs={list} selected={shown} onSelect={setSelected} />}</QueryView>
      {shown && <SelectedRun runId={shown} />}
    </div>
  );
};
