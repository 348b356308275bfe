import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
} from "./chunk-3Q3P55CO.js";
import "./chunk-TXYMICIS.js";
import "./chunk-HXAJKR5X.js";
import "./chunk-SDCVGLSY.js";
import "./chunk-LWZLPCHA.js";
import "./chunk-CTDEDGK4.js";
import "./chunk-ZBVLYBTG.js";
import "./chunk-3OM2A7VQ.js";
import "./chunk-B5AU765K.js";
export {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
};
