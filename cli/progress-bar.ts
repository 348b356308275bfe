/** A progress bar on stderr, shown only on a terminal and only once a run has taken over a second. */
export class ProgressBar {
  /** The progress the host's loaders take: a bar on a terminal. */
  static readonly onTerminal = (total: number, label: string) => new ProgressBar(total, label);

  private readonly started = Date.now();
  private shown = false;

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number): void {
    if (!this.stream.isTTY || Date.now() - this.started < 1000) return;
    this.shown = true;
    const width = 30;
    const filled = Math.round((done / Math.max(1, this.total)) * width);
    this.stream.write(
      `\r${this.label} [${'='.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${this.total}`,
    );
  }

  finish(): void {
    if (this.shown) this.stream.write('\r\u001b[2K');
  }
}
