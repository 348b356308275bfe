import { dirname, join, normalize } from 'node:path';
import layersFile from '../../layers.json' with { type: 'json' };

export interface Layer {
  imports: string[];
  forbiddenPackages: string[];
}
export const LAYERS: Record<string, Layer> = layersFile.layers;

/** The folder a file's layer lives in: extension/src is the extension's. */
export const layerOf = (path: string): string | undefined => {
  const top = path.split('/')[0] ?? '';
  return top in LAYERS ? top : undefined;
};

const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[^\w.])require\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

/** Every module a source file names: static, dynamic and side-effect imports, re-exports, require. */
export function specifiersOf(text: string): string[] {
  return [...text.matchAll(SPECIFIER)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
}

const packageMatches = (spec: string, pattern: string) =>
  pattern.endsWith('/*') ? spec.startsWith(pattern.slice(0, -1)) : spec === pattern;

/** What breaks the layer rule, one line per import: `file imports what (layer may import only …)`. */
export function layerViolations(files: readonly { path: string; text: string }[]): string[] {
  const out: string[] = [];
  for (const { path, text } of files) {
    const from = layerOf(path);
    if (!from) continue;
    const rule = LAYERS[from]!;
    for (const spec of specifiersOf(text)) {
      if (spec.startsWith('.')) {
        const to = layerOf(
          normalize(join(dirname(path), spec))
            .split('\\')
            .join('/'),
        );
        if (to && !rule.imports.includes(to))
          out.push(
            `${path} imports ${spec} (${to}/): ${from}/ may import only ${rule.imports.join(', ')}`,
          );
      } else {
        const hit = rule.forbiddenPackages.find((p) => packageMatches(spec, p));
        if (hit) out.push(`${path} imports the package ${spec}, which ${from}/ must not use`);
      }
    }
  }
  return out;
}
