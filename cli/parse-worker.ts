import { parentPort, workerData } from 'node:worker_threads';
import { runParseJob } from './parse-job.js';
import { RESULT_BATCH, type WorkerInput } from './parse-pool.js';
import type { FileModel } from '../core/model.js';

const { maxFileSize, jobs, claim } = workerData as WorkerInput;
let batch: [number, FileModel][] = [];
for (let i = Atomics.add(claim, 0, 1); i < jobs.length; i = Atomics.add(claim, 0, 1)) {
  batch.push([i, runParseJob(jobs[i]!, maxFileSize)]);
  if (batch.length === RESULT_BATCH) {
    parentPort!.postMessage(batch);
    batch = [];
  }
}
if (batch.length) parentPort!.postMessage(batch);
parentPort!.postMessage('done');
