import { parentPort, workerData } from 'node:worker_threads';
import { runParseJob } from './parse-job.js';
import { RESULT_BATCH, sharedJob, type WorkerInput } from './parse-pool.js';
import type { FileModel } from '../core/model.js';

const input = workerData as WorkerInput;
const { maxFileSize, files, claim } = input;
let batch: [number, FileModel][] = [];
for (let i = Atomics.add(claim, 0, 1); i < files.length; i = Atomics.add(claim, 0, 1)) {
  batch.push([i, runParseJob(sharedJob(input, i), maxFileSize)]);
  if (batch.length === RESULT_BATCH) {
    parentPort!.postMessage(batch);
    batch = [];
  }
}
if (batch.length) parentPort!.postMessage(batch);
parentPort!.postMessage('done');
