/**
 * The GitHub workflows a curricula repository commits: the one text `enablekit init`
 * writes, and the one docs/action.md and the README show (test/init.test.ts holds every
 * workflow block of those pages to these).
 *
 * Each asks for the least the job needs, read off what the Action calls
 * (github/, action/): a permission not listed is none. Lint only reads. Grading reads
 * the pull request's files (pulls.listFiles, pulls.get) and the sheet at its head
 * (repos.getContent), writes the grade comment and the label on the pull request
 * (issues.createComment/updateComment, issues.addLabels/removeLabel: GitHub checks these
 * against the pull request, so pull-requests: write), the learners' progress issues
 * (issues.create/createComment/update), and the check run (checks.create, found again with
 * checks.listForRef). Freshness reads the curricula and its releases (repos.listReleases)
 * and writes issues only: stale items, the release review, recertification comments and
 * progress bodies. Reading a role's teams (teams.listMembersInOrg) needs read:org, which no
 * workflow token has: pass a token of your own as `github-token` for that.
 */

export interface WorkflowFile {
  /** Its path from the repository's root. */
  path: string;
  text: string;
}

const LINT_WORKFLOW: WorkflowFile = {
  path: '.github/workflows/lint.yml',
  text: `# .github/workflows/lint.yml
name: lint
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read   # lint only reads the curricula
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with: { node-version: 20 }
      - run: npx --yes enablekit lint curricula
`,
};

const CHECKPOINTS_WORKFLOW: WorkflowFile = {
  path: '.github/workflows/checkpoints.yml',
  text: `# .github/workflows/checkpoints.yml
name: checkpoints
on:
  pull_request_target:
    types: [opened, synchronize, reopened]
    paths: ['submissions/**']
  issue_comment:                # /grade on mocks, /hint, replies on reflections, /appraise
    types: [created]
  pull_request_review:          # a review that starts with /grade
    types: [submitted]
  workflow_dispatch:
    inputs:
      pull-number:
        description: Pull request to grade again
        required: true
permissions:
  contents: read        # the curricula, and the answer sheet at the pull request's head
  pull-requests: write  # its files; the grade comment and the label on it, and closing a survey's
  issues: write         # the learners' progress issues
  checks: write         # the check run
# One run at a time per learner (the author of the pull request); attempts are safe without it too.
concurrency:
  group: enablekit-\${{ github.event.pull_request.user.login || github.event.issue.user.login || github.run_id }}
  cancel-in-progress: false
jobs:
  grade:
    runs-on: ubuntu-latest
    steps:
      # Checks out the BASE branch: the quizzes and keys the sheet is graded against.
      # Never check out or run the pull request's own code in this workflow.
      - uses: actions/checkout@v4
      - uses: enablekit/enablekit@v1
        with:
          curricula: curricula
          submissions: submissions
          pull-number: \${{ github.event.inputs.pull-number }}
          answer-key: \${{ secrets.ENABLEKIT_KEY }}   # only if quizzes are sealed
          certificate-key: \${{ secrets.ENABLEKIT_CERTIFICATE_KEY }}   # only with certificates: in enablekit.yml
`,
};

const FRESHNESS_WORKFLOW: WorkflowFile = {
  path: '.github/workflows/freshness.yml',
  text: `# .github/workflows/freshness.yml
name: freshness
on:
  release: { types: [published] }
  repository_dispatch: { types: [product-release] }
  schedule: [{ cron: '0 6 * * 1' }]        # weekly: review intervals, and resuming
  push: { branches: [main], paths: ['curricula/**'] }
  workflow_dispatch:
    inputs:
      release: { description: 'Release tag to check against' }
      features: { description: 'Feature ids it touched, comma-separated' }
permissions:
  contents: read   # the curricula and its releases
  issues: write    # the stale and review issues, recertification on progress issues
jobs:
  freshness:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      # What the last scheduled run read: this run reads only the progress issues changed since.
      # A new key each run (caches cannot be overwritten); the newest is restored, and saved after.
      - uses: actions/cache@v4
        with:
          path: .enablekit/state/
          key: enablekit-state-\${{ github.run_id }}
          restore-keys: enablekit-state-
      - uses: enablekit/enablekit@v1
        with:
          release: \${{ github.event.inputs.release }}
          features: \${{ github.event.inputs.features }}
          certificate-key: \${{ secrets.ENABLEKIT_CERTIFICATE_KEY }}   # only with certificates: in enablekit.yml
          # To read pull request labels in a private product repository:
          # github-token: \${{ secrets.PRODUCT_READ_TOKEN }}
      # The full learner × module matrix (CSV and JSON); an artifact needs no token permission.
      - uses: actions/upload-artifact@v4
        with:
          name: enablekit-dashboard
          path: .enablekit/dashboard/
          if-no-files-found: ignore
`,
};

/** The workflows a new curricula repository commits, in the order init lists them. */
export const WORKFLOWS: readonly WorkflowFile[] = [
  LINT_WORKFLOW,
  CHECKPOINTS_WORKFLOW,
  FRESHNESS_WORKFLOW,
];
