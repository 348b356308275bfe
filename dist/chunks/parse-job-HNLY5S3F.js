import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunk-AHQTOSLU.js";
import "./chunk-JEF32JUO.js";
import "./chunk-62XP5XG5.js";
import "./chunk-N6VMDUHI.js";
import "./chunk-B5AU765K.js";
export {
  runParseJob
};
