import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
} from "./chunk-EKBKQ2WF.js";
import "./chunk-TXYMICIS.js";
import "./chunk-QV2GO3CU.js";
import "./chunk-AM6BTBRX.js";
import "./chunk-GOSVXU2S.js";
import "./chunk-I6GSWM5T.js";
import "./chunk-64GPTWX6.js";
import "./chunk-ZBVLYBTG.js";
import "./chunk-GLSHZFB4.js";
import "./chunk-UHH7OAYF.js";
import "./chunk-B5AU765K.js";
export {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
};
