import { renderPreview } from '../../core/render/render-preview.js';

/**
 * Renders the file given as argv[2] (its text as argv[3]) with little stack left, stepping
 * down until a render overflows within the preview, and prints the line its problem names
 * (0 if none did). Run in a process of its own: how much stack a render takes depends on
 * what the process ran before.
 */
const [file, text] = process.argv.slice(2) as [string, string];
renderPreview(file, text);
const nest = (d: number, f: () => unknown): unknown => (d === 0 ? f() : nest(d - 1, f));
let max = 0;
try {
  for (; ; max += 100) nest(max, () => 0);
} catch {
  // max frames is about all the stack holds.
}
let line = 0;
for (let d = max; d > 0 && !line; d -= 3) {
  try {
    const p = nest(d, () => renderPreview(file, text)) as ReturnType<typeof renderPreview>;
    if (/found it nested too deep here/.test(p.html))
      line = Number(/data-line="(\d+)"/.exec(p.html)![1]);
  } catch {
    // Overflowed in the caller's frames: try with more stack.
  }
}
console.log(line);
