import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  appendRecords,
  listProgressIssues,
  loadLedger,
  openProgressIssue,
  postNotice,
  rewriteBody
} from "./chunk-SZPXPGKT.js";
import "./chunk-VS3ERUQG.js";
import "./chunk-2GDN6ZWL.js";
import "./chunk-4XER3IFK.js";
import "./chunk-4D2OE2KG.js";
import "./chunk-B5AU765K.js";
export {
  appendRecords,
  listProgressIssues,
  loadLedger,
  openProgressIssue,
  postNotice,
  rewriteBody
};
