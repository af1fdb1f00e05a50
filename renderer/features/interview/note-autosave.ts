/**
 * Notes save shortly after typing pauses, on leaving the box, and when the tab closes mid-sentence;
 * only text that differs from what was last saved is written. Kept free of React so the timing rules
 * are tested with fake timers.
 */
export interface NoteTimers {
  readonly set: (run: () => void, ms: number) => unknown;
  readonly clear: (handle: unknown) => void;
}

export const browserTimers: NoteTimers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class NoteAutosave {
  private readonly saved: Map<string, string>;
  private pending: { questionId: string; note: string; handle: unknown } | null = null;

  constructor(
    initial: Iterable<readonly [string, string]>,
    private readonly write: (questionId: string, note: string) => void,
    private readonly delayMs = 700,
    private readonly timers: NoteTimers = browserTimers,
  ) {
    this.saved = new Map(initial);
  }

  /** The engineer typed: save once they pause. */
  change(questionId: string, note: string): void {
    if (this.pending) this.timers.clear(this.pending.handle);
    const handle = this.timers.set(() => this.commit(questionId, note), this.delayMs);
    this.pending = { questionId, note, handle };
  }

  /** Save now (on blur), unless nothing changed. */
  commit(questionId: string, note: string): void {
    if (this.pending && this.pending.questionId === questionId) {
      this.timers.clear(this.pending.handle);
      this.pending = null;
    }
    if ((this.saved.get(questionId) ?? '') === note) return;
    this.saved.set(questionId, note);
    this.write(questionId, note);
  }

  /** The tab is closing: whatever was typed and not yet saved is saved. */
  flush(): void {
    const pending = this.pending;
    if (pending) this.commit(pending.questionId, pending.note);
  }
}
