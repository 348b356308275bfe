import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunks/chunk-AHQTOSLU.js";
import {
  RESULT_BATCH,
  sharedJob
} from "./chunks/chunk-3EZ7HMQY.js";
import "./chunks/chunk-JEF32JUO.js";
import "./chunks/chunk-62XP5XG5.js";
import "./chunks/chunk-N6VMDUHI.js";
import "./chunks/chunk-B5AU765K.js";

// cli/parse-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var input = workerData;
var { maxFileSize, files, claim } = input;
var batch = [];
for (let i = Atomics.add(claim, 0, 1); i < files.length; i = Atomics.add(claim, 0, 1)) {
  batch.push([i, runParseJob(sharedJob(input, i), maxFileSize)]);
  if (batch.length === RESULT_BATCH) {
    parentPort.postMessage(batch);
    batch = [];
  }
}
if (batch.length) parentPort.postMessage(batch);
parentPort.postMessage("done");
