import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  WRITE_BURST,
  botComments,
  botIssues,
  changedFiles,
  client,
  commentWith,
  fileAt,
  setOutcomeLabel,
  upsertComment
} from "./chunk-2POIRLGB.js";
import "./chunk-B5AU765K.js";
export {
  WRITE_BURST,
  botComments,
  botIssues,
  changedFiles,
  client,
  commentWith,
  fileAt,
  setOutcomeLabel,
  upsertComment
};
