import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunk-X2TF3SSF.js";
import "./chunk-7TGXK7M4.js";
import "./chunk-62XP5XG5.js";
import "./chunk-463AT2KH.js";
import "./chunk-B5AU765K.js";
export {
  runParseJob
};
