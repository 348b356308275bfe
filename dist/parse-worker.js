import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunks/chunk-6W7HC3WX.js";
import "./chunks/chunk-ROXXJTFF.js";
import "./chunks/chunk-I6GSWM5T.js";
import "./chunks/chunk-KI4B5LZO.js";
import "./chunks/chunk-UHH7OAYF.js";
import "./chunks/chunk-B5AU765K.js";

// cli/parse-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var { maxFileSize } = workerData;
parentPort.on("message", (batch) => {
  parentPort.postMessage(batch.map((job) => runParseJob(job, maxFileSize)));
});
