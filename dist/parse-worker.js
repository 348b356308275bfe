import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunks/chunk-VVQMJFL4.js";
import "./chunks/chunk-TVSHD5UW.js";
import "./chunks/chunk-LWZLPCHA.js";
import "./chunks/chunk-3ORVQXUS.js";
import "./chunks/chunk-H7I5A4RF.js";
import "./chunks/chunk-B5AU765K.js";

// cli/parse-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var { maxFileSize } = workerData;
parentPort.on("message", (batch) => {
  parentPort.postMessage(batch.map((job) => runParseJob(job, maxFileSize)));
});
