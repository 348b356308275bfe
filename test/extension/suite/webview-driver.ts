import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Action =
  | { action: 'click'; selector: string }
  | { action: 'type'; selector: string; text: string }
  | { action: 'press'; selector: string; key: string }
  | { action: 'drag'; selector: string; to: string }
  | { action: 'eval'; selector: string; js: string };

/**
 * Act in a webview as a person does, through the browser that runs the suite
 * (test/extension/run-tests.cjs): the VS Code API cannot reach into a webview.
 */
export async function inWebview(a: Action): Promise<unknown> {
  const file = join(tmpdir(), 'enablekit-ui-driver.json');
  let port: number;
  try {
    port = (JSON.parse(readFileSync(file, 'utf8')) as { port: number }).port;
  } catch {
    throw new Error(
      `Expected the browser runner's webview driver (${file}); found none. Run this suite with test/extension/run.sh.`,
    );
  }
  const res = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: JSON.stringify(a) });
  const r = (await res.json()) as { ok: boolean; value?: unknown; message?: string };
  if (!r.ok) throw new Error(`In the webview, ${a.action} ${a.selector}: ${r.message}`);
  return r.value;
}

/** What each element matching `selector` says for `expression` (a function of `el`). */
export const readWebview = async <T>(selector: string, expression: string): Promise<T[]> =>
  (await inWebview({
    action: 'eval',
    selector,
    js: `return els.map((el) => ${expression});`,
  })) as T[];
