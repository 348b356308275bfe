import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
} from "./chunk-7H7FTM7N.js";
import "./chunk-TXYMICIS.js";
import "./chunk-JQNAGXRZ.js";
import "./chunk-H22MUDKY.js";
import "./chunk-LWZLPCHA.js";
import "./chunk-TTI67MMT.js";
import "./chunk-ZBVLYBTG.js";
import "./chunk-VFOSS6QU.js";
import "./chunk-UHH7OAYF.js";
import "./chunk-B5AU765K.js";
export {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
};
