import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  appendRecords,
  listProgressIssues,
  loadLedger,
  postNotice
} from "./chunk-EY66ZIR2.js";
import "./chunk-2POIRLGB.js";
import "./chunk-JNDRBQNW.js";
import "./chunk-4D2OE2KG.js";
import "./chunk-B5AU765K.js";
export {
  appendRecords,
  listProgressIssues,
  loadLedger,
  postNotice
};
