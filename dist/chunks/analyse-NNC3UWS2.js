import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
} from "./chunk-J4HSKOYX.js";
import "./chunk-TXYMICIS.js";
import "./chunk-VGWVQOPW.js";
import "./chunk-X7AHJ7VS.js";
import "./chunk-7MLHL3EW.js";
import "./chunk-I6GSWM5T.js";
import "./chunk-ZRGVDCSS.js";
import "./chunk-ZBVLYBTG.js";
import "./chunk-G2VFSW4V.js";
import "./chunk-UHH7OAYF.js";
import "./chunk-B5AU765K.js";
export {
  MODEL_VERSION,
  analyse,
  loadConfig,
  loadIndex,
  loadModels
};
