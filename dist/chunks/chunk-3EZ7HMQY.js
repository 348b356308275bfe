import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);

// cli/parse-pool.ts
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
var PARALLEL_THRESHOLD_BYTES = 256 * 1024;
function defaultJobs(cores) {
  return cores >= 4 ? Math.min(4, cores - 1) : 1;
}
function parseWorkerFile(moduleUrl) {
  return ["./parse-worker.js", "../parse-worker.js"].map((p) => fileURLToPath(new URL(p, moduleUrl))).find((f) => existsSync(f));
}
function workerInput(jobs, maxFileSize, claim) {
  const offsets = new Int32Array(jobs.length + 1);
  jobs.forEach((j, i) => offsets[i + 1] = offsets[i] + j.bytes.length);
  const bytes = new Uint8Array(new SharedArrayBuffer(offsets[jobs.length]));
  jobs.forEach((j, i) => bytes.set(j.bytes, offsets[i]));
  return { maxFileSize, files: jobs.map((j) => j.file), offsets, bytes, claim };
}
function sharedJob(input, i) {
  return { file: input.files[i], bytes: input.bytes.subarray(input.offsets[i], input.offsets[i + 1]) };
}
var RESULT_BATCH = 16;
async function parseAll(jobs, o, onProgress) {
  const { maxFileSize } = o;
  const { runParseJob } = await import("./parse-job-HNLY5S3F.js");
  const results = new Array(jobs.length);
  let done = 0;
  const totalBytes = jobs.reduce((s, j) => s + j.bytes.length, 0);
  const workerFile = o.workerFile ?? parseWorkerFile(import.meta.url);
  const threads = o.threads ?? (totalBytes >= PARALLEL_THRESHOLD_BYTES ? defaultJobs(availableParallelism()) : 1);
  const workerCount = workerFile ? Math.min(threads - 1, jobs.length) : 0;
  const claim = new Int32Array(new SharedArrayBuffer(4));
  const input = workerCount ? workerInput(jobs, maxFileSize, claim) : void 0;
  const workers = Array.from({ length: workerCount }, () => {
    const worker = new Worker(workerFile, { workerData: input });
    return new Promise((resolve, reject) => {
      worker.on("message", (batch) => {
        if (batch === "done") {
          void worker.terminate().then(() => resolve());
          return;
        }
        for (const [i, model] of batch) results[i] = model;
        done += batch.length;
        if (o.stats) o.stats.byWorkers += batch.length;
        onProgress(done);
      });
      worker.on("error", reject);
    });
  });
  for (let i = Atomics.add(claim, 0, 1), n = 0; i < jobs.length; i = Atomics.add(claim, 0, 1)) {
    results[i] = runParseJob(jobs[i], maxFileSize);
    done++;
    if (++n % RESULT_BATCH === 0) {
      onProgress(done);
      if (workerCount) await new Promise((r) => setImmediate(r));
    }
  }
  onProgress(done);
  await Promise.all(workers);
  return results;
}

export {
  sharedJob,
  RESULT_BATCH,
  parseAll
};
