import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  WRITE_BURST,
  botIssues,
  changedFiles,
  client,
  fileAt,
  findComment,
  setOutcomeLabel,
  upsertComment
} from "./chunk-BC6CTZI5.js";
import "./chunk-OVY75LB5.js";
import "./chunk-B5AU765K.js";
export {
  WRITE_BURST,
  botIssues,
  changedFiles,
  client,
  fileAt,
  findComment,
  setOutcomeLabel,
  upsertComment
};
