import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
} from "./chunk-YMXA3CNF.js";
import "./chunk-E3FWTF4R.js";
import "./chunk-3EZ7HMQY.js";
import "./chunk-EIFYVTYX.js";
import "./chunk-MJ7R2TOD.js";
import "./chunk-S6DZV6XD.js";
import "./chunk-LWN357S5.js";
import "./chunk-JEF32JUO.js";
import "./chunk-62XP5XG5.js";
import "./chunk-N6VMDUHI.js";
import "./chunk-B5AU765K.js";
export {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
};
