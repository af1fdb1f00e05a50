import { useEffect, useState } from 'react';
import { useErrorText } from '../../components/query-state';
import { NoteAutosave } from './note-autosave';
import type { SaveStatus } from './save-status';
import { useSaveNote } from './use-interview';

/** The notes of every question, saved as they are typed (see NoteAutosave for when). */
export const useNoteAutosave = (caseId: string, initial: ReadonlyMap<string, string>, onStatus: (status: SaveStatus) => void) => {
  const { mutate } = useSaveNote(caseId);
  // Captured once with the autosave below: the language is changed in Settings, which unmounts the interview.
  const errorText = useErrorText();
  const [notes, setNotes] = useState(() => new Map(initial));
  // Created once: `mutate` and the status setter are stable for the component's life.
  const [autosave] = useState(
    () =>
      new NoteAutosave(initial, (questionId, note) => {
        onStatus({ state: 'saving' });
        mutate(
          { questionId, note },
          { onSuccess: () => onStatus({ state: 'saved' }), onError: (error) => onStatus({ state: 'error', message: errorText(error) }) },
        );
      }),
  );
  // Leaving the tab mid-sentence still saves the note.
  useEffect(() => () => autosave.flush(), [autosave]);

  return {
    noteOf: (questionId: string) => notes.get(questionId) ?? '',
    change: (questionId: string, note: string) => {
      setNotes((prev) => new Map(prev).set(questionId, note));
      autosave.change(questionId, note);
    },
    commit: (questionId: string) => autosave.commit(questionId, notes.get(questionId) ?? ''),
  };
};
