/** Documents from this size on have their edit path rehearsed when first opened (smaller ones' keystrokes cost little either way). */
const REHEARSE_FROM = 64 * 1024;
/** Where in the body the rehearsal types: near the top, the middle and the end take different paths. */
export const REHEARSALS = [0, 0.5, 0.9, 0.25, 0.75, 0.1];

/**
 * Once per window, when the first big document is opened: type and take back a character
 * at a few places, a round per turn of the event loop, and lint, so the user's first
 * keystrokes run code V8 has already compiled for them (see LintSession.rehearseEdit).
 * The file is left as it was; its diagnostics come out the same and are not handed on again.
 */
export class EditRehearsal {
  /** The big document whose edit path is (or is to be) rehearsed, once per window. */
  private path: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Rounds run so far, for the tests. */
  rounds = 0;

  /** `round` rehearses the edit at `at` (a fraction of the body) and lints; false when the document is no longer open for editing. */
  constructor(private readonly round: (path: string, at: number) => boolean) {}

  /**
   * The first big document opened (restored with the window, too) is rehearsed once the
   * workspace has been read (`ready`): until then lints are of the files read whole only,
   * and the keystroke's lint path would not run.
   */
  noteOpened(path: string, text: string | Uint8Array, ready: boolean): void {
    if (this.path !== undefined || text.length < REHEARSE_FROM) return;
    this.path = path;
    if (ready) this.start();
  }

  /** The workspace has been read: a big document opened meanwhile is rehearsed now. */
  resume(): void {
    if (this.path) this.start();
  }

  private start(): void {
    const path = this.path!;
    const rounds = [...REHEARSALS];
    const next = () => {
      const at = rounds.shift();
      if (at === undefined) return;
      if (!this.round(path, at)) {
        // Closed before its turn came: the next big document opened is rehearsed instead.
        if (!this.rounds) this.path = undefined;
        return;
      }
      this.rounds++;
      this.timer = setTimeout(next, 0);
    };
    this.timer = setTimeout(next, 0);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
