import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunk-JVT3AZ3M.js";
import "./chunk-DJ47PWCS.js";
import "./chunk-SO26IU7Z.js";
import "./chunk-GJ3DSWD7.js";
import "./chunk-LWZLPCHA.js";
import "./chunk-B5AU765K.js";
export {
  runParseJob
};
