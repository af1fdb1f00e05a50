import { useEffect, useEffectEvent } from 'react';
import { focusKindOf, keyAction, type KeyAction } from './interview-keys';

export interface InterviewKeyHandlers {
  /** Whether the focused answer box is still empty (decides what "/" means there). */
  readonly answerDraftEmpty: boolean;
  readonly onAction: (action: Exclude<KeyAction, { kind: 'none' }>) => void;
}

/** Listens on the window for the interview's keys and hands each meaningful press to `onAction`. */
export const useInterviewKeys = ({ answerDraftEmpty, onAction }: InterviewKeyHandlers): void => {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    const action = keyAction(event, focusKindOf(event.target), answerDraftEmpty);
    if (action.kind === 'none') return;
    event.preventDefault();
    onAction(action);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
};
