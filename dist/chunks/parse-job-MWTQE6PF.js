import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunk-I5IHM5FX.js";
import "./chunk-H22MUDKY.js";
import "./chunk-LWZLPCHA.js";
import "./chunk-VFOSS6QU.js";
import "./chunk-UHH7OAYF.js";
import "./chunk-B5AU765K.js";
export {
  runParseJob
};
