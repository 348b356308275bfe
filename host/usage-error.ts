/** A mistake in how the command was called: reported as a message with exit code 2, never a stack trace. */
export class UsageError extends Error {}
