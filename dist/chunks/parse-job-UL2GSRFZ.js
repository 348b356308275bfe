import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunk-JPCKFOIV.js";
import "./chunk-TGY55LI5.js";
import "./chunk-3ORVQXUS.js";
import "./chunk-GJ3DSWD7.js";
import "./chunk-LWZLPCHA.js";
import "./chunk-B5AU765K.js";
export {
  runParseJob
};
