import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunk-JXYMUTVI.js";
import "./chunk-GPV4TG6U.js";
import "./chunk-LWZLPCHA.js";
import "./chunk-7LHAEY73.js";
import "./chunk-B5AU765K.js";
export {
  runParseJob
};
