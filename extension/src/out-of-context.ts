import * as vscode from 'vscode';

/** What a command run where it does nothing said, for its caller (tests, a keybinding's). */
export interface OutOfContext {
  outOfContext: string;
}

/**
 * A command run out of its context (from a keybinding, a walkthrough's button, or the
 * palette of an older VS Code) says what it needs instead of doing nothing; package.json's
 * `when` clauses keep it out of the palette there.
 */
export function outOfContext(
  what: string,
  next?: { title: string; command: string },
): OutOfContext {
  const message = `enablekit: ${what}`;
  if (next)
    void vscode.window
      .showWarningMessage(message, next.title)
      .then((picked) => picked && vscode.commands.executeCommand(next.command));
  else void vscode.window.showWarningMessage(message);
  return { outOfContext: message };
}
