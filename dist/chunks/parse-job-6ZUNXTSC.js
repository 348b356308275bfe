import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunk-6ACR6D2S.js";
import "./chunk-QXQOEG6T.js";
import "./chunk-SO26IU7Z.js";
import "./chunk-IWGNLIEZ.js";
import "./chunk-LWZLPCHA.js";
import "./chunk-B5AU765K.js";
export {
  runParseJob
};
