import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunk-YNXQZ7BQ.js";
import "./chunk-AJ45NHNN.js";
import "./chunk-LWZLPCHA.js";
import "./chunk-56QBKVWK.js";
import "./chunk-B5AU765K.js";
export {
  runParseJob
};
