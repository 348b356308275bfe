export const CONFIG_FILE = 'enablekit.yml';

/** Where to look for enablekit.yml from a directory upward, nearest first (POSIX paths). */
export function configCandidates(dir: string): string[] {
  const out: string[] = [];
  let cur = dir.replace(/\/+$/, '') || '/';
  for (;;) {
    out.push(cur === '/' ? `/${CONFIG_FILE}` : `${cur}/${CONFIG_FILE}`);
    if (cur === '/' || cur === '.' || cur === '') break;
    const up = cur.lastIndexOf('/');
    cur = up <= 0 ? (cur.startsWith('/') ? '/' : '.') : cur.slice(0, up);
    if (cur === '.' && out.at(-1) === `./${CONFIG_FILE}`) break;
  }
  return out;
}
