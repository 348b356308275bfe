import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunk-6NIU6F25.js";
import "./chunk-SDCVGLSY.js";
import "./chunk-LWZLPCHA.js";
import "./chunk-3OM2A7VQ.js";
import "./chunk-B5AU765K.js";
export {
  runParseJob
};
