import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cohort } from '../core/progress/cohort.js';
import { matrixCsv, matrixJson } from '../core/progress/dashboard-matrix.js';
import { itemsCsv } from '../core/analysis/item-report.js';

export interface DashboardFiles {
  csv: string;
  json: string;
}

/**
 * The full learner × module matrix, which the dashboard issue holds only for a small cohort,
 * written as dashboard.csv and dashboard.json into `dir` (with the item analysis of every
 * quiz question as items.csv and items.json) for the workflow to upload as an
 * artifact. Local files only, so a dry run writes them too.
 */
export function writeDashboardFiles(dir: string, c: Cohort, today: string): DashboardFiles {
  mkdirSync(dir, { recursive: true });
  const files = { csv: join(dir, 'dashboard.csv'), json: join(dir, 'dashboard.json') };
  writeFileSync(files.csv, matrixCsv(c));
  writeFileSync(files.json, matrixJson(c, today));
  // The item analysis whole: the issue names only the flagged questions.
  if (c.items) {
    writeFileSync(join(dir, 'items.csv'), itemsCsv(c.items));
    writeFileSync(join(dir, 'items.json'), `${JSON.stringify(c.items, null, 2)}\n`);
  }
  return files;
}
