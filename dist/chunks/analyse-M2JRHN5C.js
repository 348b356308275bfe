import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
} from "./chunk-UBWWW3H7.js";
import "./chunk-IHJC74N2.js";
import "./chunk-LZWIOYKD.js";
import "./chunk-GJ3DSWD7.js";
import "./chunk-LWZLPCHA.js";
import "./chunk-B5AU765K.js";
export {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
};
