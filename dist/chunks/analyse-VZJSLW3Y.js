import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
} from "./chunk-MIVSN2RZ.js";
import "./chunk-TXYMICIS.js";
import "./chunk-2M5PRMPH.js";
import "./chunk-AM6BTBRX.js";
import "./chunk-ROXXJTFF.js";
import "./chunk-I6GSWM5T.js";
import "./chunk-HITUE5RO.js";
import "./chunk-ZBVLYBTG.js";
import "./chunk-KI4B5LZO.js";
import "./chunk-UHH7OAYF.js";
import "./chunk-B5AU765K.js";
export {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
};
