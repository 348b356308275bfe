import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
} from "./chunk-FILSSZDS.js";
import "./chunk-E3FWTF4R.js";
import "./chunk-S7FFZWWQ.js";
import "./chunk-VRJW73UH.js";
import "./chunk-IH227OQC.js";
import "./chunk-S6DZV6XD.js";
import "./chunk-LWN357S5.js";
import "./chunk-7TGXK7M4.js";
import "./chunk-62XP5XG5.js";
import "./chunk-463AT2KH.js";
import "./chunk-B5AU765K.js";
export {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
};
