/**
 * The interview's keyboard map as a pure function, so every rule is testable without a browser:
 * what a key press means given where the focus is. The one rule that matters most: a key never
 * writes into an answer by surprise, and a key that belongs to a focused control (Enter on a button,
 * a link or a disclosure) is left to that control.
 */

/** Where the focus is, as far as the keyboard map cares. */
export type FocusKind =
  /** The current question's free-text answer box. */
  | 'answer-text'
  /** The current question's number box. */
  | 'answer-number'
  /** Any other typing place: the note, the search box, a select. */
  | 'other-editable'
  /** A control whose own Enter must work: button, link, disclosure summary, file picker. */
  | 'control'
  /** Nothing in particular (the question card, a radio or a checkbox). */
  | 'page';

export interface KeyPress {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly defaultPrevented: boolean;
}

export type KeyAction = { kind: 'none' } | { kind: 'search' } | { kind: 'next' } | { kind: 'back' } | { kind: 'digit'; digit: number };

const none: KeyAction = { kind: 'none' };

/**
 * @param focus where the key was pressed
 * @param answerDraftEmpty whether the focused answer box is still empty (a text answer that starts
 *   with "/" is never meant, so "/" there opens the search; once the engineer has typed, "/" is text)
 */
export const keyAction = (press: KeyPress, focus: FocusKind, answerDraftEmpty: boolean): KeyAction => {
  if (press.defaultPrevented || press.altKey) return none;
  // Ctrl+K / Cmd+K opens the search from anywhere, even mid-answer.
  if ((press.ctrlKey || press.metaKey) && press.key.toLowerCase() === 'k') return { kind: 'search' };
  if (press.ctrlKey || press.metaKey) return none;
  if (focus === 'other-editable') return none;
  const inAnswer = focus === 'answer-text' || focus === 'answer-number';
  if (press.key === '/') {
    if (focus === 'answer-text' && !answerDraftEmpty) return none;
    return { kind: 'search' };
  }
  if (press.key === 'Enter') {
    if (focus === 'control') return none;
    return press.shiftKey ? { kind: 'back' } : { kind: 'next' };
  }
  // In an answer box digits are typing; "don't know" stays available through its own button.
  if (inAnswer) return none;
  if (/^[0-9]$/.test(press.key)) return { kind: 'digit', digit: Number(press.key) };
  if (press.key === '?') return { kind: 'digit', digit: 0 };
  return none;
};

/** Classifies a DOM event target for {@link keyAction}. */
export const focusKindOf = (target: EventTarget | null): FocusKind => {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return 'page';
  if (target.dataset.answerInput === 'true') return target instanceof HTMLInputElement && target.type === 'number' ? 'answer-number' : 'answer-text';
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable) return 'other-editable';
  if (target instanceof HTMLInputElement) {
    if (target.type === 'file' || target.type === 'button' || target.type === 'submit') return 'control';
    return target.type === 'radio' || target.type === 'checkbox' ? 'page' : 'other-editable';
  }
  if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement || target.tagName === 'SUMMARY') return 'control';
  return 'page';
};
