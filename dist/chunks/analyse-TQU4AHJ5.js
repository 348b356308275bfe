import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
} from "./chunk-QAAQTKY5.js";
import "./chunk-TXYMICIS.js";
import "./chunk-PPLERNKZ.js";
import "./chunk-AM6BTBRX.js";
import "./chunk-UV2NVA6P.js";
import "./chunk-I6GSWM5T.js";
import "./chunk-CONUUEHS.js";
import "./chunk-ZBVLYBTG.js";
import "./chunk-JOLOLI4E.js";
import "./chunk-UHH7OAYF.js";
import "./chunk-B5AU765K.js";
export {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
};
