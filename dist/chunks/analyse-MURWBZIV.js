import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
} from "./chunk-2IE446AW.js";
import "./chunk-TXYMICIS.js";
import "./chunk-QFWQOQIA.js";
import "./chunk-N3OL75BO.js";
import "./chunk-LWZLPCHA.js";
import "./chunk-M2UM27YG.js";
import "./chunk-ZBVLYBTG.js";
import "./chunk-CNBQZD56.js";
import "./chunk-B5AU765K.js";
export {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
};
