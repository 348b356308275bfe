import { posix } from 'node:path';

/** A link's target that is a path relative to its file: not a URL, an anchor or a root path. */
const RELATIVE = (target: string) => target !== '' && !/^([a-z][a-z0-9+.-]*:|[#/<])/i.test(target);

function rebase(target: string, fromDir: string, toDir: string): string {
  if (!RELATIVE(target)) return target;
  const cut = target.search(/[?#]/);
  const [path, rest] = cut < 0 ? [target, ''] : [target.slice(0, cut), target.slice(cut)];
  const moved = posix.relative(toDir, posix.join(fromDir, path)) || '.';
  return `${moved}${rest}`;
}

/**
 * Relative links and images in imported Markdown, pointing at the same files from the
 * quiz's folder as they did from the source's (`](img/a.png)` in `docs/` written to
 * `curricula/quizzes/` is `](../../docs/img/a.png)`), so `broken-link` holds as it held for
 * the source. Code blocks are left as written. One pass over each line.
 */
export function rebaseLinks(md: string, fromDir: string, toDir: string): string {
  if (posix.normalize(fromDir) === posix.normalize(toDir)) return md;
  let fence: string | undefined;
  return md
    .split('\n')
    .map((line) => {
      const open = /^[>\s]*(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence) {
        if (open?.startsWith(fence)) fence = undefined;
        return line;
      }
      if (open) {
        fence = open;
        return line;
      }
      return line
        .replace(/\]\(([^()\s]+)/g, (_, t: string) => `](${rebase(t, fromDir, toDir)}`)
        .replace(
          /^([>\s]*\[[^\]\n]{1,200}\]:\s*)(\S+)/,
          (_, head: string, t: string) => `${head}${rebase(t, fromDir, toDir)}`,
        );
    })
    .join('\n');
}
