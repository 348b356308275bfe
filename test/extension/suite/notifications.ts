import * as vscode from 'vscode';
import { until } from './helpers.js';

export interface Shown {
  kind: 'error' | 'warning' | 'info';
  text: string;
  buttons: string[];
}

/**
 * What the extension shows in notifications, as a person reads them. VS Code's API has no
 * way to read the notification centre, so this watches the calls that fill it: the
 * extension and its tests share one `vscode` API object in the extension host, and each
 * call goes on to the real workbench, so every notification is really shown and its
 * buttons are pressed through the workbench (notification.acceptPrimaryAction), as with
 * the keyboard. Progress notifications are read the same way: their title and each step.
 */
export function watchNotifications(): {
  shown: Shown[];
  progress: { title: string; steps: string[] }[];
  /** The first notification shown since `from` whose text matches. */
  next(what: RegExp, from?: number): Promise<Shown>;
  dispose(): void;
} {
  const window = vscode.window as unknown as Record<string, (...args: unknown[]) => unknown>;
  const saved = {
    showErrorMessage: window.showErrorMessage!,
    showWarningMessage: window.showWarningMessage!,
    showInformationMessage: window.showInformationMessage!,
    withProgress: window.withProgress!,
  };
  const shown: Shown[] = [];
  const progress: { title: string; steps: string[] }[] = [];
  const watch =
    (kind: Shown['kind'], real: (...args: unknown[]) => unknown) =>
    (text: unknown, ...rest: unknown[]) => {
      const buttons = rest.filter((r): r is string => typeof r === 'string');
      shown.push({ kind, text: String(text), buttons });
      return real(text, ...rest);
    };
  window.showErrorMessage = watch('error', saved.showErrorMessage);
  window.showWarningMessage = watch('warning', saved.showWarningMessage);
  window.showInformationMessage = watch('info', saved.showInformationMessage);
  type Task = (p: vscode.Progress<{ message?: string }>, t: unknown) => unknown;
  window.withProgress = (options: unknown, task: unknown) => {
    const entry = {
      title: String((options as { title?: string }).title ?? ''),
      steps: [] as string[],
    };
    progress.push(entry);
    return saved.withProgress(options, (p: vscode.Progress<{ message?: string }>, t: unknown) =>
      (task as Task)(
        {
          report: (v) => {
            if (v.message) entry.steps.push(v.message);
            p.report(v);
          },
        },
        t,
      ),
    );
  };
  return {
    shown,
    progress,
    next: (what, from = 0) =>
      until(
        `a notification saying ${what}`,
        () => shown.slice(from).find((s) => what.test(s.text)),
        30_000,
      ),
    dispose: () => Object.assign(window, saved),
  };
}

/** Press Enter in the input box or quick pick the extension opens, as often as it asks, until `run` ends. */
export async function answering<T>(run: Thenable<T>, ms = 20_000): Promise<T> {
  let done = false;
  const ended = Promise.resolve(run).finally(() => (done = true));
  for (const end = Date.now() + ms; !done; await new Promise((r) => setTimeout(r, 200))) {
    if (Date.now() > end) throw new Error('Timed out waiting for the input box to be answered.');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return ended;
}
