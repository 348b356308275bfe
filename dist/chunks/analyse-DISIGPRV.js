import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
} from "./chunk-VZ7FOYNT.js";
import "./chunk-TXYMICIS.js";
import "./chunk-QFWQOQIA.js";
import "./chunk-GPV4TG6U.js";
import "./chunk-LWZLPCHA.js";
import "./chunk-5QBB6OXH.js";
import "./chunk-ZBVLYBTG.js";
import "./chunk-7LHAEY73.js";
import "./chunk-B5AU765K.js";
export {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
};
