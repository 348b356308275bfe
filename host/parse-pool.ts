import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FileModel } from '../core/model.js';
import type { ParseJob } from './parse-job.js';

/** Below this many bytes a worker's start-up costs more than it saves. */
const PARALLEL_THRESHOLD_BYTES = 256 * 1024;

/**
 * How many threads parse when --jobs is not given. V8 already keeps about one core busy
 * with garbage collection and compilation beside the main thread (a cold lint uses ~1.45
 * cores on one thread; without those helpers it is 40% slower), so a worker pays only
 * with a core to spare beyond that: on 2 cores a worker made the benchmark 10% slower.
 */
export function defaultJobs(cores: number): number {
  return cores >= 4 ? Math.min(4, cores - 1) : 1;
}

/**
 * The worker beside the bundle the pool is in: the CLI's pool is in dist/chunks/ and its
 * worker in dist/; the Action is dist/action.js, committed with its own self-contained
 * worker, dist/action-parse-worker.js (the runner runs only the committed files).
 */
export function parseWorkerFile(moduleUrl: string): string | undefined {
  const candidates = moduleUrl.endsWith('/action.js')
    ? ['./action-parse-worker.js']
    : ['./parse-worker.js', '../parse-worker.js'];
  return candidates.map((p) => fileURLToPath(new URL(p, moduleUrl))).find((f) => existsSync(f));
}

/**
 * What a worker is given: every job's file name, their bytes in one shared buffer (job i
 * is `bytes[offsets[i]..offsets[i + 1]]`), and the shared counter every thread claims
 * jobs from. Shared, the corpus is copied once, not once per worker.
 */
export interface WorkerInput {
  maxFileSize: number;
  files: string[];
  offsets: Int32Array;
  bytes: Uint8Array;
  claim: Int32Array;
}

function workerInput(
  jobs: readonly ParseJob[],
  maxFileSize: number,
  claim: Int32Array,
): WorkerInput {
  const offsets = new Int32Array(jobs.length + 1);
  jobs.forEach((j, i) => (offsets[i + 1] = offsets[i]! + j.bytes.length));
  const bytes = new Uint8Array(new SharedArrayBuffer(offsets[jobs.length]));
  jobs.forEach((j, i) => bytes.set(j.bytes, offsets[i]));
  return { maxFileSize, files: jobs.map((j) => j.file), offsets, bytes, claim };
}

/** Job i as a worker reads it, in place in the shared buffer. */
export function sharedJob(input: WorkerInput, i: number): ParseJob {
  return {
    file: input.files[i]!,
    bytes: input.bytes.subarray(input.offsets[i], input.offsets[i + 1]),
  };
}

/** Results go back in batches: one message per file would cost more than the parse. */
export const RESULT_BATCH = 16;

export interface PoolOptions {
  maxFileSize: number;
  threads?: number;
  /** The worker script, when not the one beside the bundle (tests). */
  workerFile?: string;
  /** Filled in with how many files the workers parsed. */
  stats?: { byWorkers: number };
}

/**
 * Parse files on `threads` threads (the main one and workers). Each thread claims the
 * next job from one shared counter, so no thread ever waits for another to hand it work,
 * and a few large files cannot leave a core idle. Workers send their models back in
 * batches as they go.
 */
export async function parseAll(
  jobs: ParseJob[],
  o: PoolOptions,
  onProgress: (done: number) => void,
): Promise<FileModel[]> {
  const { maxFileSize } = o;
  const { runParseJob } = await import('./parse-job.js');
  const results = new Array<FileModel>(jobs.length);
  let done = 0;
  const totalBytes = jobs.reduce((s, j) => s + j.bytes.length, 0);
  const workerFile = o.workerFile ?? parseWorkerFile(import.meta.url);
  const threads =
    o.threads ?? (totalBytes >= PARALLEL_THRESHOLD_BYTES ? defaultJobs(availableParallelism()) : 1);
  const workerCount = workerFile ? Math.min(threads - 1, jobs.length) : 0;
  const claim = new Int32Array(new SharedArrayBuffer(4));
  const input = workerCount ? workerInput(jobs, maxFileSize, claim) : undefined;

  const workers = Array.from({ length: workerCount }, () => {
    const worker = new Worker(workerFile!, { workerData: input });
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (batch: [number, FileModel][] | 'done') => {
        if (batch === 'done') {
          void worker.terminate().then(() => resolve());
          return;
        }
        for (const [i, model] of batch) results[i] = model;
        done += batch.length;
        if (o.stats) o.stats.byWorkers += batch.length;
        onProgress(done);
      });
      worker.on('error', reject);
    });
  });

  for (let i = Atomics.add(claim, 0, 1), n = 0; i < jobs.length; i = Atomics.add(claim, 0, 1)) {
    results[i] = runParseJob(jobs[i]!, maxFileSize);
    done++;
    // Let worker results and progress in now and then; the workers never wait for this.
    if (++n % RESULT_BATCH === 0) {
      onProgress(done);
      if (workerCount) await new Promise((r) => setImmediate(r));
    }
  }
  onProgress(done);
  await Promise.all(workers);
  return results;
}
