import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { AnswerValue } from '../../../shared/interview/answer-values';
import type { AnswersList, EvidenceRecord } from '../../../shared/interview/api-schemas';
import type { QuestionBank, Stakeholder } from '../../../shared/interview/bank-schema';
import type { CaseTabProps } from '../../app/case-tabs';
import { QueryView, errorText } from '../../components/query-state';
import { minutesLeft, interviewSequence, pickForDigit, questionAfterSwitch, toggled, type LocalAnswer, type Prefill } from './interview-model';
import { PillarSidebar } from './pillar-sidebar';
import { QuestionCard } from './question-card';
import { QuestionSearch } from './question-search';
import type { SaveStatus } from './save-status';
import { StakeholderFilter } from './stakeholder-filter';
import { useInterviewKeys } from './use-interview-keys';
import { useNoteAutosave } from './use-note-autosave';
import { useCarriedAnswers, useCaseBank, useInterviewState, useSaveAnswer, useSavePosition } from './use-interview';
import './interview.css';
import { useText } from '../../i18n/app-intl';

const draftOf = (value: AnswerValue | undefined): string => (value === undefined || value === null || Array.isArray(value) ? '' : String(value));

const EndCard = ({ empty, answered, count }: { empty: boolean; answered: number; count: number }) => {
  const linkRef = useRef<HTMLAnchorElement>(null);
  const { t } = useText();
  // React only auto-focuses form controls; the link takes the focus so Enter opens the results.
  useEffect(() => linkRef.current?.focus(), []);
  return (
    <section className="card question-card complete" aria-labelledby="interview-complete">
      <h2 id="interview-complete">{empty ? t('interview.end.empty') : t('interview.end.title')}</h2>
      <p>{t('interview.end.summary', { answered, count })}</p>
      <Link to="../results" className="button button-primary" ref={linkRef}>
        {t('interview.end.results')}
      </Link>
    </section>
  );
};

const Interview = ({ caseId, bank, initial }: { caseId: string; bank: QuestionBank; initial: AnswersList }) => {
  const [answers, setAnswers] = useState<Map<string, LocalAnswer>>(
    () => new Map(initial.answers.filter((a) => a.answered).map((a) => [a.questionId, { value: a.value, measured: a.measured, customer: a.customerSource }])),
  );
  const [evidence, setEvidence] = useState<EvidenceRecord[]>(initial.evidence);
  const prefills = useMemo(() => new Map<string, Prefill>(initial.prefills.map((p) => [p.questionId, { value: p.value, metric: p.metric }])), [initial]);
  const [stakeholder, setStakeholder] = useState<Stakeholder | null>(initial.position?.stakeholder ?? null);
  const sequence = useMemo(() => interviewSequence(bank, answers, prefills, stakeholder), [bank, answers, prefills, stakeholder]);
  const everyone = useMemo(() => interviewSequence(bank, answers, prefills, null), [bank, answers, prefills]);
  const [currentId, setCurrentId] = useState<string | null>(() => {
    const resume = initial.position?.questionId ?? null;
    return questionAfterSwitch(interviewSequence(bank, answers, prefills, stakeholder), resume, answers);
  });
  const [complete, setComplete] = useState(false);
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const saveAnswer = useSaveAnswer(caseId);
  const carried = useCarriedAnswers(caseId);
  const savePosition = useSavePosition(caseId);
  const notes = useNoteAutosave(caseId, new Map(initial.answers.map((a) => [a.questionId, a.note])), setStatus);
  const searchRef = useRef<HTMLInputElement>(null);
  const { t } = useText();

  const index = sequence.findIndex((q) => q.question.id === currentId);
  const entry = index >= 0 ? sequence[index] : undefined;
  const question = entry?.question;
  const current = question ? answers.get(question.id) : undefined;
  const prefill = question && !current ? prefills.get(question.id) : undefined;
  // The typed text of the question on screen; another question starts from its saved (or measured) value.
  const [typed, setTyped] = useState<{ questionId: string; text: string } | null>(null);
  const draft = question ? (typed?.questionId === question.id ? typed.text : draftOf(current?.value ?? prefill?.value)) : '';

  const save = useCallback(
    (questionId: string, value: AnswerValue, measured = false) => {
      setAnswers((prev) => new Map(prev).set(questionId, { value, measured }));
      setStatus({ state: 'saving' });
      saveAnswer.mutate(
        { questionId, value, measured },
        { onSuccess: () => setStatus({ state: 'saved' }), onError: (error) => setStatus({ state: 'error', message: errorText(error, t) }) },
      );
    },
    [saveAnswer, t],
  );

  const goTo = (questionId: string, forStakeholder: Stakeholder | null = stakeholder) => {
    setComplete(false);
    setCurrentId(questionId);
    savePosition.mutate({ questionId, stakeholder: forStakeholder });
  };

  /** Saves a typed number or text; false when it is not a valid value. */
  const commitDraft = (): boolean => {
    if (!question || (question.type !== 'number' && question.type !== 'text')) return true;
    const text = draft.trim();
    const previous = current?.value;
    if (text === '') return true;
    if (question.type === 'number') {
      const n = Number(text);
      if (!Number.isFinite(n)) {
        setStatus({ state: 'error', message: t('interview.notNumber') });
        return false;
      }
      if (previous !== n) save(question.id, n, prefill !== undefined && prefill.value === n);
      return true;
    }
    if (previous !== draft) save(question.id, draft);
    return true;
  };

  const next = () => {
    if (!question || !commitDraft()) return;
    // Enter on a measured value the engineer has not overridden accepts it, marked as measured.
    if (prefill && !answers.has(question.id) && question.type !== 'number') save(question.id, prefill.value, true);
    const following = sequence[index + 1];
    if (following) goTo(following.question.id);
    else setComplete(true);
  };

  const back = () => {
    if (!commitDraft()) return;
    if (complete) {
      setComplete(false);
      return;
    }
    const previous = sequence[index - 1];
    if (previous) goTo(previous.question.id);
  };

  const switchStakeholder = (value: Stakeholder | null) => {
    setStakeholder(value);
    const target = questionAfterSwitch(interviewSequence(bank, answers, prefills, value), currentId, answers);
    if (target) goTo(target, value);
  };

  useInterviewKeys({
    answerDraftEmpty: draft === '',
    onAction: (action) => {
      if (action.kind === 'search') searchRef.current?.focus();
      else if (action.kind === 'next') next();
      else if (action.kind === 'back') back();
      else if (question && !complete) {
        const pick = pickForDigit(question, action.digit, current?.value);
        if (pick.kind === 'set') save(question.id, pick.value);
        else if (pick.kind === 'toggle') save(question.id, toggled(question, current?.value, pick.option));
      }
    },
  });

  const answeredInSequence = sequence.filter((q) => answers.has(q.question.id) || prefills.has(q.question.id)).length;
  const secondsLeft = sequence.filter((q) => !answers.has(q.question.id) && !prefills.has(q.question.id)).reduce((s, q) => s + q.question.estimatedSeconds, 0);

  return (
    <div className="interview">
      <div className="interview-main">
        <div className="toolbar interview-toolbar">
          <StakeholderFilter value={stakeholder} onChange={switchStakeholder} />
          <QuestionSearch
            ref={searchRef}
            questions={everyone}
            onJump={(id) => {
              const visibleHere = sequence.some((q) => q.question.id === id);
              if (!visibleHere) setStakeholder(null);
              goTo(id, visibleHere ? stakeholder : null);
            }}
          />
          <p className="progress-line" aria-live="polite">
            {t('interview.progress', { answered: answeredInSequence, count: sequence.length, minutes: minutesLeft(secondsLeft) })}
          </p>
        </div>
        <progress className="interview-progress" max={Math.max(1, sequence.length)} value={answeredInSequence} aria-label={t('interview.progressLabel')} />

        {complete || !question || !entry ? (
          <EndCard empty={sequence.length === 0} answered={answeredInSequence} count={sequence.length} />
        ) : (
          <QuestionCard
            caseId={caseId}
            entry={entry}
            pillarTitle={bank.pillars.find((p) => p.id === entry.pillarId)?.title ?? ''}
            position={{ index, count: sequence.length }}
            current={current}
            prefill={prefill}
            carried={carried.data?.includes(question.id) ?? false}
            draft={draft}
            onDraft={(text) => setTyped({ questionId: question.id, text })}
            onSave={(value) => save(question.id, value)}
            onConfirm={() => current && save(question.id, current.value)}
            onCommitDraft={() => void commitDraft()}
            onBack={back}
            onNext={next}
            status={status}
            note={{ text: notes.noteOf(question.id), onChange: (text) => notes.change(question.id, text), onCommit: () => notes.commit(question.id) }}
            evidence={evidence.filter((e) => e.questionId === question.id)}
            onEvidenceAdded={(record) => setEvidence((prev) => [...prev, record])}
          />
        )}
      </div>
      <PillarSidebar caseId={caseId} stakeholder={stakeholder} />
    </div>
  );
};

/** The guided interview of a case: keyboard first, every answer saved as it is given. */
export const InterviewTab = ({ caseId }: CaseTabProps) => {
  const bank = useCaseBank(caseId, useText().locale);
  const state = useInterviewState(caseId);
  return (
    <QueryView query={bank}>
      {({ bank: b }) => <QueryView query={state}>{(s) => <Interview key={`${b.id}@${b.version}`} caseId={caseId} bank={b} initial={s} />}</QueryView>}
    </QueryView>
  );
};
