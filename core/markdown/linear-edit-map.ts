import { EditMap } from 'micromark-util-edit-map';

type Event = unknown;
type Change = [at: number, remove: number, add: Event[]];
interface EditMapInternals {
  map: Change[];
  index: Map<number, Change>;
}

/**
 * micromark's EditMap rebuilds the whole event list on every consume, copying the events
 * before the first edit too. The document tokenizer consumes one each time a list item
 * closes, with the edit near the end of the document's events, so every closing copied the
 * whole document so far: `- - x` on each line took 24 s at 64 KB, quadratic in the size.
 * This consume keeps the events before the first edit where they are and rebuilds only the
 * rest, with the same result, so the work per edit follows the events it moves.
 */
function consume(this: EditMapInternals, events: Event[]): void {
  const map = this.map;
  if (map.length === 0) return;
  map.sort((a, b) => a[0] - b[0]);
  const first = map[0]![0];
  const tail = events.slice(first);
  const end = first + tail.length;
  events.length = first;
  let pos = first;
  for (const [at, remove, add] of map) {
    for (let i = pos; i < at && i < end; i++) events.push(tail[i - first]);
    for (const e of add) events.push(e);
    pos = at + remove;
  }
  for (let i = pos; i < end; i++) events.push(tail[i - first]);
  map.length = 0;
  this.index.clear();
}

let installed = false;

/** Give micromark the linear consume; idempotent, and harmless to parsers already made. */
export function installLinearEditMap(): void {
  if (installed) return;
  installed = true;
  (EditMap.prototype as unknown as { consume: typeof consume }).consume = consume;
}
