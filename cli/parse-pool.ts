import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FileModel } from '../core/model.js';
import type { ParseJob } from './parse-job.js';

/** Below this many bytes a worker's start-up costs more than it saves. */
const PARALLEL_THRESHOLD_BYTES = 256 * 1024;
const BATCH = 16;

/** The pool is bundled into dist/chunks/ (the CLI) or dist/ (the Action); the worker sits in dist/. */
export function parseWorkerFile(moduleUrl: string): string | undefined {
  return ['./parse-worker.js', '../parse-worker.js'].map((p) => fileURLToPath(new URL(p, moduleUrl))).find((f) => existsSync(f));
}

/**
 * Parse files on every core: the main thread and one worker per other core pull batches
 * from one queue, so a few large files cannot leave a core idle.
 */
export async function parseAll(jobs: ParseJob[], maxFileSize: number, onProgress: (done: number) => void): Promise<FileModel[]> {
  const { runParseJob } = await import('./parse-job.js');
  const results: FileModel[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const take = (): number[] => {
    const batch: number[] = [];
    while (batch.length < BATCH && next < jobs.length) batch.push(next++);
    return batch;
  };
  const totalBytes = jobs.reduce((s, j) => s + j.bytes.length, 0);
  const workerFile = parseWorkerFile(import.meta.url);
  const workerCount = totalBytes >= PARALLEL_THRESHOLD_BYTES && workerFile ? Math.min(3, availableParallelism() - 1) : 0;

  const workers = Array.from({ length: workerCount }, () => {
    const worker = new Worker(workerFile!, { workerData: { maxFileSize } });
    return new Promise<void>((resolve, reject) => {
      let batch = take();
      const send = () => {
        if (batch.length === 0) {
          void worker.terminate().then(() => resolve());
          return;
        }
        worker.postMessage(batch.map((i) => jobs[i]!));
      };
      worker.on('message', (models: FileModel[]) => {
        batch.forEach((i, k) => (results[i] = models[k]!));
        done += batch.length;
        onProgress(done);
        batch = take();
        send();
      });
      worker.on('error', reject);
      send();
    });
  });

  const local = (async () => {
    for (let batch = take(); batch.length; batch = take()) {
      for (const i of batch) results[i] = runParseJob(jobs[i]!, maxFileSize);
      done += batch.length;
      onProgress(done);
      // Let worker replies in, so they get their next batch without waiting for ours.
      if (workerCount) await new Promise((r) => setImmediate(r));
    }
  })();

  await Promise.all([local, ...workers]);
  return results;
}
