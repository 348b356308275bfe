import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunks/chunk-6NIU6F25.js";
import "./chunks/chunk-SDCVGLSY.js";
import "./chunks/chunk-LWZLPCHA.js";
import "./chunks/chunk-3OM2A7VQ.js";
import "./chunks/chunk-B5AU765K.js";

// cli/parse-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var { maxFileSize } = workerData;
parentPort.on("message", (batch) => {
  parentPort.postMessage(batch.map((job) => runParseJob(job, maxFileSize)));
});
