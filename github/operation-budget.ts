/**
 * The writes a run may make (operations-per-run, as actions/stale has it). A write that
 * does not fit is not started, so the next run, finding the same work still due, does it.
 * In a dry run every write is logged instead of made.
 */
export class OperationBudget {
  constructor(
    private left: number,
    private readonly dryRun: boolean,
    private readonly log: (line: string) => void,
  ) {}

  /** Whether `cost` writes fit while `reserve` are kept back for later. */
  fits(cost = 1, reserve = 0): boolean {
    return this.left - cost >= reserve;
  }

  /** Make the write (`what` says it for the log), or return false having done nothing. */
  async spend(
    what: string,
    call: () => Promise<unknown>,
    o: { cost?: number; reserve?: number } = {},
  ): Promise<boolean> {
    const cost = o.cost ?? 1;
    if (!this.fits(cost, o.reserve ?? 0)) return false;
    this.left -= cost;
    if (this.dryRun) this.log(`Dry run: would ${what}.`);
    else await call();
    return true;
  }
}
