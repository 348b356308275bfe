import { parentPort, workerData } from 'node:worker_threads';
import { runParseJob, type ParseJob } from './parse-job.js';

const { maxFileSize } = workerData as { maxFileSize: number };
parentPort!.on('message', (batch: ParseJob[]) => {
  parentPort!.postMessage(batch.map((job) => runParseJob(job, maxFileSize)));
});
