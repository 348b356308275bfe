import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  WRITE_BURST,
  botComments,
  botIssues,
  changedFiles,
  checkWriter,
  client,
  commentWith,
  fileAt,
  setOutcomeLabel,
  upsertComment
} from "./chunk-VS3ERUQG.js";
import "./chunk-4XER3IFK.js";
import "./chunk-B5AU765K.js";
export {
  WRITE_BURST,
  botComments,
  botIssues,
  changedFiles,
  checkWriter,
  client,
  commentWith,
  fileAt,
  setOutcomeLabel,
  upsertComment
};
