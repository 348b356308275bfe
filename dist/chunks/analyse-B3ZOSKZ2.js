import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
} from "./chunk-RNGVWZ2Z.js";
import "./chunk-TXYMICIS.js";
import "./chunk-QFWQOQIA.js";
import "./chunk-AJ45NHNN.js";
import "./chunk-LWZLPCHA.js";
import "./chunk-UFBA7Q3C.js";
import "./chunk-ZBVLYBTG.js";
import "./chunk-56QBKVWK.js";
import "./chunk-B5AU765K.js";
export {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
};
