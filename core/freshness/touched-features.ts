import type { Config } from '../config/config.js';

/**
 * Which registry features a release touched, and from where: the explicit list first,
 * then feature ids or aliases named in the release notes. (Pull request labels and
 * paths between releases are added by the Action, which can ask the product repo.)
 */
export function touchedFeatures(config: Config, explicit: string[], notes: string): { features: Map<string, string>; unknown: string[] } {
  const features = new Map<string, string>();
  const unknown: string[] = [];
  for (const id of explicit.map((s) => s.trim()).filter(Boolean)) {
    if (config.features.has(id)) features.set(id, 'explicit list');
    else unknown.push(id);
  }
  const text = ` ${notes.toLowerCase()} `;
  for (const f of config.features.values()) {
    if (features.has(f.id)) continue;
    const names = [f.id, ...f.aliases].map((n) => n.toLowerCase());
    const hit = names.find((n) => new RegExp(`(^|[^a-z0-9-])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^a-z0-9-]|$)`).test(text));
    if (hit) features.set(f.id, `release notes ("${hit}")`);
  }
  return { features, unknown };
}
