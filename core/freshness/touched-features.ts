import type { Config } from '../config/config.js';
import { toLf } from '../text/line-endings.js';
import { featuresFromChanges, type ProductChanges } from './product-changes.js';

/** Where the features a release touched may be read from, in the order they are asked. */
export type FeatureSource = 'explicit' | 'notes' | 'pulls';
export const FEATURE_SOURCES: readonly FeatureSource[] = ['explicit', 'notes', 'pulls'];

export interface ReleaseEvidence {
  explicit?: string[];
  notes?: string;
  changes?: ProductChanges;
}

/**
 * Which registry features a release touched, and from where: each source in `order`
 * adds the features it names; a feature keeps the first source that named it.
 * Explicit ids that are not in the registry are returned as unknown.
 */
export function touchedFeatures(
  config: Config,
  evidence: ReleaseEvidence,
  order: readonly FeatureSource[] = FEATURE_SOURCES,
): { features: Map<string, string>; unknown: string[] } {
  const features = new Map<string, string>();
  const unknown: string[] = [];
  const add = (found: Map<string, string>) => {
    for (const [id, from] of found) if (!features.has(id)) features.set(id, from);
  };
  for (const source of order) {
    if (source === 'explicit') {
      const found = new Map<string, string>();
      for (const id of (evidence.explicit ?? []).map((s) => s.trim()).filter(Boolean)) {
        if (config.features.has(id)) found.set(id, 'explicit list');
        else unknown.push(id);
      }
      add(found);
    } else if (source === 'notes') add(featuresInNotes(config, evidence.notes ?? ''));
    else if (evidence.changes) add(featuresFromChanges(config, evidence.changes));
  }
  return { features, unknown };
}

function featuresInNotes(config: Config, notes: string): Map<string, string> {
  const found = new Map<string, string>();
  const text = ` ${toLf(notes).toLowerCase()} `;
  for (const f of config.features.values()) {
    const names = [f.id, ...f.aliases].map((n) => n.toLowerCase());
    const hit = names.find((n) =>
      new RegExp(`(^|[^a-z0-9-])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^a-z0-9-]|$)`).test(
        text,
      ),
    );
    if (hit) found.set(f.id, `release notes ("${hit}")`);
  }
  return found;
}
