import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
} from "./chunk-EONRDI4I.js";
import "./chunk-TXYMICIS.js";
import "./chunk-QFWQOQIA.js";
import "./chunk-LWZLPCHA.js";
import "./chunk-4A2MWY4B.js";
import "./chunk-ZBVLYBTG.js";
import "./chunk-H7I5A4RF.js";
import "./chunk-B5AU765K.js";
export {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
};
