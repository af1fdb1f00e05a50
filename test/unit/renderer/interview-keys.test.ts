import { describe, expect, it, vi } from 'vitest';
import { keyAction, type FocusKind, type KeyPress } from '../../../renderer/features/interview/interview-keys';
import { NoteAutosave, type NoteTimers } from '../../../renderer/features/interview/note-autosave';
import { questionAfterSwitch } from '../../../renderer/features/interview/interview-model';
import type { BankQuestion } from '../../../shared/interview/parse-bank';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  defaultPrevented: false,
  ...extra,
});

describe('the interview keyboard map', () => {
  it('"/" in an empty text answer opens the search instead of writing "/" into the answer', () => {
    expect(keyAction(press('/'), 'answer-text', true)).toEqual({ kind: 'search' });
  });

  it('"/" once the engineer has typed is part of the text ("24/7")', () => {
    expect(keyAction(press('/'), 'answer-text', false)).toEqual({ kind: 'none' });
  });

  it('"/" in a number box, on the page or on a control opens the search', () => {
    for (const focus of ['answer-number', 'page', 'control'] as FocusKind[]) expect(keyAction(press('/'), focus, false)).toEqual({ kind: 'search' });
  });

  it('Ctrl+K and Cmd+K open the search from anywhere, even mid-answer', () => {
    expect(keyAction(press('k', { ctrlKey: true }), 'answer-text', false)).toEqual({ kind: 'search' });
    expect(keyAction(press('K', { metaKey: true }), 'other-editable', false)).toEqual({ kind: 'search' });
  });

  it('Enter on a control (the "Note and evidence" toggle, a button, a link) is left to that control', () => {
    expect(keyAction(press('Enter'), 'control', true)).toEqual({ kind: 'none' });
    expect(keyAction(press('Enter', { shiftKey: true }), 'control', true)).toEqual({ kind: 'none' });
  });

  it('Enter moves on and Shift+Enter goes back from the page and from answer boxes', () => {
    expect(keyAction(press('Enter'), 'page', true)).toEqual({ kind: 'next' });
    expect(keyAction(press('Enter'), 'answer-text', false)).toEqual({ kind: 'next' });
    expect(keyAction(press('Enter', { shiftKey: true }), 'answer-number', false)).toEqual({ kind: 'back' });
  });

  it('digits pick answers on the page, are typing in answer boxes, and "?" means don\'t know', () => {
    expect(keyAction(press('3'), 'page', true)).toEqual({ kind: 'digit', digit: 3 });
    expect(keyAction(press('3'), 'answer-number', true)).toEqual({ kind: 'none' });
    expect(keyAction(press('?'), 'page', true)).toEqual({ kind: 'digit', digit: 0 });
  });

  it('the note, the search box and selects keep every key, and modified or handled presses are ignored', () => {
    for (const key of ['/', 'Enter', '1']) expect(keyAction(press(key), 'other-editable', true)).toEqual({ kind: 'none' });
    expect(keyAction(press('1', { altKey: true }), 'page', true)).toEqual({ kind: 'none' });
    expect(keyAction(press('1', { ctrlKey: true }), 'page', true)).toEqual({ kind: 'none' });
    expect(keyAction(press('Enter', { defaultPrevented: true }), 'page', true)).toEqual({ kind: 'none' });
  });
});

/** Timers we advance by hand, so the test says exactly when a save happens. */
const manualTimers = () => {
  let now = 0;
  const queue = new Map<number, { at: number; run: () => void }>();
  let nextId = 1;
  const timers: NoteTimers = {
    set: (run, ms) => {
      const id = nextId++;
      queue.set(id, { at: now + ms, run });
      return id;
    },
    clear: (handle) => void queue.delete(handle as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...queue]) {
      if (t.at <= now) {
        queue.delete(id);
        t.run();
      }
    }
  };
  return { timers, advance, pending: () => queue.size };
};

describe('note autosave', () => {
  it('saves once typing pauses for the delay, with the last text only', () => {
    const clock = manualTimers();
    const write = vi.fn();
    const autosave = new NoteAutosave([], write, 700, clock.timers);
    autosave.change('q1', 'F');
    clock.advance(300);
    autosave.change('q1', 'Fi');
    clock.advance(300);
    autosave.change('q1', 'Firewall');
    clock.advance(699);
    expect(write).not.toHaveBeenCalled();
    clock.advance(1);
    expect(write.mock.calls).toEqual([['q1', 'Firewall']]);
  });

  it('blur saves at once and cancels the pending timer; unchanged text is never written', () => {
    const clock = manualTimers();
    const write = vi.fn();
    const autosave = new NoteAutosave([['q1', 'as before']], write, 700, clock.timers);
    autosave.change('q1', 'as before');
    autosave.commit('q1', 'as before');
    expect(clock.pending()).toBe(0);
    expect(write).not.toHaveBeenCalled();
    autosave.change('q1', 'changed');
    autosave.commit('q1', 'changed');
    clock.advance(1000);
    expect(write.mock.calls).toEqual([['q1', 'changed']]);
  });

  it('closing the tab mid-sentence saves what was typed', () => {
    const clock = manualTimers();
    const write = vi.fn();
    const autosave = new NoteAutosave([], write, 700, clock.timers);
    autosave.change('q2', 'half a sente');
    autosave.flush();
    expect(write.mock.calls).toEqual([['q2', 'half a sente']]);
    clock.advance(1000);
    expect(write).toHaveBeenCalledTimes(1);
  });
});

describe('switching stakeholder', () => {
  const q = (id: string) => ({ question: { id } }) as unknown as BankQuestion;
  const answered = new Map([['a', { value: 'yes', measured: false }]]);

  it('stays on the current question when the new stakeholder is asked it', () => {
    expect(questionAfterSwitch([q('a'), q('b'), q('c')], 'c', answered)).toBe('c');
  });

  it("otherwise goes to the new stakeholder's first open question, or their first", () => {
    expect(questionAfterSwitch([q('a'), q('b')], 'z', answered)).toBe('b');
    expect(questionAfterSwitch([q('a')], 'z', answered)).toBe('a');
    expect(questionAfterSwitch([], 'z', answered)).toBeNull();
  });
});
