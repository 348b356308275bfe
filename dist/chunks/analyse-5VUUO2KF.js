import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
} from "./chunk-HI6AHF3C.js";
import "./chunk-OUSMU3CJ.js";
import "./chunk-LZWIOYKD.js";
import "./chunk-LWZLPCHA.js";
import "./chunk-7JX74KIC.js";
import "./chunk-27SLHMP5.js";
import "./chunk-GJ3DSWD7.js";
import "./chunk-B5AU765K.js";
export {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
};
