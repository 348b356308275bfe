import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunk-RIYKPP32.js";
import "./chunk-SEQLG5AK.js";
import "./chunk-SO26IU7Z.js";
import "./chunk-IWGNLIEZ.js";
import "./chunk-LWZLPCHA.js";
import "./chunk-B5AU765K.js";
export {
  runParseJob
};
