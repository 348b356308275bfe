/**
 * Machine-readable data hidden in Markdown that GitHub renders (issue and comment bodies):
 * `<!-- enablekit:<tag> {json} -->` on one line. `--` in the JSON is escaped, so no text
 * in the data can end the HTML comment early and show or inject anything.
 */
export function hiddenJson(tag: string, data: unknown): string {
  return `<!-- enablekit:${tag} ${JSON.stringify(data).replace(/--/g, '-\\u002d')} -->`;
}

/** Every block of this tag in a body, parsed; a damaged one is skipped. Callers validate the shape. */
export function readHiddenJson(tag: string, body: string | null | undefined): unknown[] {
  const out: unknown[] = [];
  for (const m of (body ?? '').matchAll(
    new RegExp(`<!-- enablekit:${tag} (\\{[^\\n]*?\\}) -->`, 'g'),
  )) {
    try {
      out.push(JSON.parse(m[1]!));
    } catch {
      /* not ours, or damaged: skipped */
    }
  }
  return out;
}
