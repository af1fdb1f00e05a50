import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { AnswerValue } from '../../../shared/interview/answer-values';
import type { AnswersList, EvidenceRecord } from '../../../shared/interview/api-schemas';
import { stakeholderLabels, stakeholders, type QuestionBank, type Stakeholder } from '../../../shared/interview/bank-schema';
import { describeValue } from '../../../shared/interview/answer-values';
import type { CaseTabProps } from '../../app/case-tabs';
import { QueryView, errorText } from '../../components/query-state';
import { AnswerControl } from './answer-control';
import { EvidencePanel } from './evidence-panel';
import { formatMinutes, interviewSequence, pickForDigit, toggled, type LocalAnswer, type Prefill } from './interview-model';
import { PillarSidebar } from './pillar-sidebar';
import { QuestionSearch } from './question-search';
import { useCarriedAnswers, useCaseBank, useInterviewState, useSaveAnswer, useSaveNote, useSavePosition } from './use-interview';
import './interview.css';

type SaveStatus = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'error'; message: string };

const isEditable = (target: EventTarget | null): target is HTMLElement => {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['radio', 'checkbox', 'button', 'file'].includes(target.type);
  return target.isContentEditable;
};

const draftOf = (value: AnswerValue | undefined): string => (value === undefined || value === null || Array.isArray(value) ? '' : String(value));

const Interview = ({ caseId, bank, initial }: { caseId: string; bank: QuestionBank; initial: AnswersList }) => {
  const [answers, setAnswers] = useState<Map<string, LocalAnswer>>(
    () => new Map(initial.answers.filter((a) => a.answered).map((a) => [a.questionId, { value: a.value, measured: a.measured }])),
  );
  const [notes, setNotes] = useState<Map<string, string>>(() => new Map(initial.answers.map((a) => [a.questionId, a.note])));
  const [evidence, setEvidence] = useState<EvidenceRecord[]>(initial.evidence);
  const prefills = useMemo(() => new Map<string, Prefill>(initial.prefills.map((p) => [p.questionId, { value: p.value, metric: p.metric }])), [initial]);
  const [stakeholder, setStakeholder] = useState<Stakeholder | null>(initial.position?.stakeholder ?? null);
  const sequence = useMemo(() => interviewSequence(bank, answers, prefills, stakeholder), [bank, answers, prefills, stakeholder]);
  const everyone = useMemo(() => interviewSequence(bank, answers, prefills, null), [bank, answers, prefills]);
  const [currentId, setCurrentId] = useState<string | null>(() => {
    const start = interviewSequence(bank, answers, prefills, stakeholder);
    const resume = initial.position?.questionId;
    if (resume && start.some((q) => q.question.id === resume)) return resume;
    return (start.find((q) => !answers.has(q.question.id)) ?? start[0])?.question.id ?? null;
  });
  const [complete, setComplete] = useState(false);
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const saveAnswer = useSaveAnswer(caseId);
  const carried = useCarriedAnswers(caseId);
  const saveNote = useSaveNote(caseId);
  const savePosition = useSavePosition(caseId);
  const cardRef = useRef<HTMLElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const resultsLinkRef = useRef<HTMLAnchorElement>(null);

  const index = sequence.findIndex((q) => q.question.id === currentId);
  const entry = index >= 0 ? sequence[index] : undefined;
  const question = entry?.question;
  const pillar = entry ? bank.pillars.find((p) => p.id === entry.pillarId) : undefined;
  const current = question ? answers.get(question.id) : undefined;
  const prefill = question && !current ? prefills.get(question.id) : undefined;
  const [draft, setDraft] = useState('');

  // A new question: load its draft, put the focus where the keyboard needs it.
  useEffect(() => {
    if (!question) return;
    setDraft(draftOf(answers.get(question.id)?.value ?? prefills.get(question.id)?.value));
    const input = document.getElementById(`answer-${question.id}-input`);
    if (input) input.focus();
    else cardRef.current?.focus();
    // Deliberately keyed on the question id only: answers change on every keystroke-save.
  }, [question?.id]);

  // React only auto-focuses form controls; the end card's link takes the focus so Enter opens the results.
  useEffect(() => {
    if (complete || !question) resultsLinkRef.current?.focus();
  }, [complete, question]);

  const save = useCallback(
    (questionId: string, value: AnswerValue, measured = false) => {
      setAnswers((prev) => new Map(prev).set(questionId, { value, measured }));
      setStatus({ state: 'saving' });
      saveAnswer.mutate(
        { questionId, value, measured },
        {
          onSuccess: () => setStatus({ state: 'saved' }),
          onError: (error) => setStatus({ state: 'error', message: errorText(error) }),
        },
      );
    },
    [saveAnswer],
  );

  const goTo = useCallback(
    (questionId: string) => {
      setComplete(false);
      setCurrentId(questionId);
      savePosition.mutate({ questionId, stakeholder });
    },
    [savePosition, stakeholder],
  );

  /** Saves a typed number or text; false when it is not a valid value. */
  const commitDraft = useCallback((): boolean => {
    if (!question || (question.type !== 'number' && question.type !== 'text')) return true;
    const text = draft.trim();
    const previous = answers.get(question.id)?.value;
    if (text === '') return true;
    if (question.type === 'number') {
      const n = Number(text);
      if (!Number.isFinite(n)) {
        setStatus({ state: 'error', message: 'Type a number, or press 0 for "don\'t know".' });
        return false;
      }
      if (previous !== n) save(question.id, n, prefill !== undefined && prefill.value === n);
      return true;
    }
    if (previous !== draft) save(question.id, draft);
    return true;
  }, [answers, draft, prefill, question, save]);

  const next = useCallback(() => {
    if (!question) return;
    if (!commitDraft()) return;
    // Enter on a measured value the engineer has not overridden accepts it, marked as measured.
    if (prefill && !answers.has(question.id) && question.type !== 'number') save(question.id, prefill.value, true);
    const following = sequence[index + 1];
    if (following) goTo(following.question.id);
    else setComplete(true);
  }, [answers, commitDraft, goTo, index, prefill, question, save, sequence]);

  const back = useCallback(() => {
    if (!commitDraft()) return;
    if (complete) {
      setComplete(false);
      return;
    }
    const previous = sequence[index - 1];
    if (previous) goTo(previous.question.id);
  }, [commitDraft, complete, goTo, index, sequence]);

  const onKey = useRef<(e: KeyboardEvent) => void>(() => {});
  onKey.current = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target;
    const inAnswer = target instanceof HTMLElement && target.dataset.answerInput === 'true';
    if (isEditable(target) && !inAnswer) return;
    if (target instanceof HTMLAnchorElement || target instanceof HTMLButtonElement) {
      if (e.key === 'Enter') return;
    }
    if (e.key === '/' && !inAnswer) {
      e.preventDefault();
      searchRef.current?.focus();
      return;
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      if (e.shiftKey) back();
      else next();
      return;
    }
    if (!question || complete) return;
    const digit = /^[0-9]$/.test(e.key) ? Number(e.key) : e.key === '?' ? 0 : null;
    if (digit === null) return;
    if (inAnswer) {
      // In a number box, digits are typing; "don't know" stays available through its button.
      return;
    }
    const pick = pickForDigit(question, digit, current?.value);
    if (pick.kind === 'none') return;
    e.preventDefault();
    if (pick.kind === 'set') save(question.id, pick.value);
    else save(question.id, toggled(question, current?.value, pick.option));
  };
  useEffect(() => {
    const handler = (e: KeyboardEvent) => onKey.current(e);
    window.addEventListener('keydown', handler);
    return () => window.removeEventListener('keydown', handler);
  }, []);

  // Notes save shortly after typing pauses, and on leaving the box; only changed text is written.
  const savedNotes = useRef(new Map(initial.answers.map((a) => [a.questionId, a.note])));
  const noteTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const commitNote = useCallback(
    (questionId: string, note: string) => {
      clearTimeout(noteTimer.current);
      if ((savedNotes.current.get(questionId) ?? '') === note) return;
      savedNotes.current.set(questionId, note);
      setStatus({ state: 'saving' });
      saveNote.mutate(
        { questionId, note },
        { onSuccess: () => setStatus({ state: 'saved' }), onError: (error) => setStatus({ state: 'error', message: errorText(error) }) },
      );
    },
    [saveNote],
  );
  const pendingNote = useRef<{ questionId: string; note: string } | null>(null);
  const onNote = (questionId: string, note: string) => {
    setNotes((prev) => new Map(prev).set(questionId, note));
    clearTimeout(noteTimer.current);
    pendingNote.current = { questionId, note };
    noteTimer.current = setTimeout(() => {
      pendingNote.current = null;
      commitNote(questionId, note);
    }, 700);
  };
  // Leaving the tab mid-sentence still saves the note.
  const commitNoteRef = useRef(commitNote);
  commitNoteRef.current = commitNote;
  useEffect(
    () => () => {
      const pending = pendingNote.current;
      if (pending) commitNoteRef.current(pending.questionId, pending.note);
    },
    [],
  );

  const answeredInSequence = sequence.filter((q) => answers.has(q.question.id) || prefills.has(q.question.id)).length;
  const secondsLeft = sequence.filter((q) => !answers.has(q.question.id) && !prefills.has(q.question.id)).reduce((s, q) => s + q.question.estimatedSeconds, 0);

  return (
    <div className="interview">
      <div className="interview-main">
        <div className="toolbar interview-toolbar">
          <label className="field stakeholder-filter">
            <span>Asking</span>
            <select
              className="input"
              value={stakeholder ?? ''}
              onChange={(e) => {
                const value = (e.target.value || null) as Stakeholder | null;
                setStakeholder(value);
                // Stay on the question if this stakeholder is asked it, else go to their first open one.
                const theirs = interviewSequence(bank, answers, prefills, value);
                const target = theirs.some((q) => q.question.id === currentId)
                  ? currentId
                  : (theirs.find((q) => !answers.has(q.question.id)) ?? theirs[0])?.question.id;
                if (target) {
                  setComplete(false);
                  setCurrentId(target);
                  savePosition.mutate({ questionId: target, stakeholder: value });
                }
              }}
            >
              <option value="">Everyone</option>
              {stakeholders.map((s) => (
                <option key={s} value={s}>
                  {stakeholderLabels[s]}
                </option>
              ))}
            </select>
          </label>
          <QuestionSearch
            ref={searchRef}
            questions={everyone}
            onJump={(id) => {
              if (!sequence.some((q) => q.question.id === id)) setStakeholder(null);
              goTo(id);
            }}
          />
          <p className="progress-line" aria-live="polite">
            {answeredInSequence} of {sequence.length} answered · {formatMinutes(secondsLeft)} left
          </p>
        </div>
        <progress className="interview-progress" max={Math.max(1, sequence.length)} value={answeredInSequence} aria-label="Interview progress" />

        {complete || !question || !entry ? (
          <section className="card question-card complete" aria-labelledby="interview-complete">
            <h2 id="interview-complete">{sequence.length === 0 ? 'No questions for this stakeholder' : 'End of the interview'}</h2>
            <p>
              {answeredInSequence} of {sequence.length} questions answered. Every answer is already saved. Press Shift+Enter to go back.
            </p>
            <Link to="../results" className="button button-primary" ref={resultsLinkRef}>
              See the results
            </Link>
          </section>
        ) : (
          <section
            ref={cardRef}
            className="card question-card"
            tabIndex={-1}
            aria-labelledby="question-text"
            data-question-id={question.id}
            data-question-type={question.type}
          >
            <p className="question-context muted">
              {pillar?.title} › {entry.sectionTitle} · question {index + 1} of {sequence.length}
            </p>
            <h2 id="question-text" dir="auto">
              {question.text}
            </h2>
            <p className="question-meta">
              {question.stakeholders.map((s) => (
                <span key={s} className="badge badge-stakeholder">
                  {stakeholderLabels[s]}
                </span>
              ))}
              {(current?.measured || prefill) && (
                <span className="badge badge-measured" title={prefill ? `From probe metric ${prefill.metric}` : 'Taken from a probe measurement'}>
                  Measured{prefill ? `: ${describeValue(question, prefill.value)}` : ''}
                </span>
              )}
              {carried.data?.includes(question.id) && (
                <span className="badge badge-carried" title="Answered at the previous assessment; answer again to confirm or change it">
                  Carried from the last assessment: confirm or change
                </span>
              )}
            </p>
            <p className="question-help">{question.help}</p>
            <AnswerControl
              question={question}
              value={current?.value}
              draft={draft}
              onDraft={setDraft}
              onSave={(value) => save(question.id, value)}
              onCommitDraft={() => void commitDraft()}
              labelledBy="question-text"
            />
            <div className="question-nav">
              <button type="button" className="button" onClick={back} disabled={index === 0}>
                Back <kbd>Shift+Enter</kbd>
              </button>
              <button type="button" className="button button-primary" onClick={next}>
                Next <kbd>Enter</kbd>
              </button>
              <span className={`save-status save-${status.state}`} role="status">
                {status.state === 'saving' ? 'Saving…' : status.state === 'saved' ? 'Saved' : status.state === 'error' ? `Not saved: ${status.message}` : ''}
              </span>
            </div>
            <details className="question-extras" open={Boolean(notes.get(question.id)) || question.evidenceExpected}>
              <summary>Note and evidence</summary>
              <div className="field">
                <label htmlFor="question-note">Note</label>
                <textarea
                  id="question-note"
                  className="input"
                  rows={2}
                  value={notes.get(question.id) ?? ''}
                  onChange={(e) => onNote(question.id, e.target.value)}
                  onBlur={() => commitNote(question.id, notes.get(question.id) ?? '')}
                />
              </div>
              <EvidencePanel
                caseId={caseId}
                questionId={question.id}
                expected={question.evidenceExpected}
                items={evidence.filter((e) => e.questionId === question.id)}
                onAdded={(record) => setEvidence((prev) => [...prev, record])}
              />
            </details>
            <p className="keys-hint muted">
              Keys: number keys pick an answer (0 = don&apos;t know), Enter next, Shift+Enter back, / search.
            </p>
          </section>
        )}
      </div>
      <PillarSidebar caseId={caseId} stakeholder={stakeholder} />
    </div>
  );
};

/** The guided interview of a case: keyboard first, every answer saved as it is given. */
export const InterviewTab = ({ caseId }: CaseTabProps) => {
  const bank = useCaseBank(caseId);
  const state = useInterviewState(caseId);
  return (
    <QueryView query={bank}>
      {({ bank: b }) => <QueryView query={state}>{(s) => <Interview key={`${b.id}@${b.version}`} caseId={caseId} bank={b} initial={s} />}</QueryView>}
    </QueryView>
  );
};
