import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunks/chunk-I5IHM5FX.js";
import "./chunks/chunk-H22MUDKY.js";
import "./chunks/chunk-LWZLPCHA.js";
import "./chunks/chunk-VFOSS6QU.js";
import "./chunks/chunk-UHH7OAYF.js";
import "./chunks/chunk-B5AU765K.js";

// cli/parse-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var { maxFileSize } = workerData;
parentPort.on("message", (batch) => {
  parentPort.postMessage(batch.map((job) => runParseJob(job, maxFileSize)));
});
