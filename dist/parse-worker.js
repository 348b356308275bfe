import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunks/chunk-RAIXZZK3.js";
import {
  RESULT_BATCH,
  sharedJob
} from "./chunks/chunk-VGWVQOPW.js";
import "./chunks/chunk-7MLHL3EW.js";
import "./chunks/chunk-I6GSWM5T.js";
import "./chunks/chunk-G2VFSW4V.js";
import "./chunks/chunk-UHH7OAYF.js";
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
