import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunk-VVQMJFL4.js";
import "./chunk-TVSHD5UW.js";
import "./chunk-LWZLPCHA.js";
import "./chunk-3ORVQXUS.js";
import "./chunk-H7I5A4RF.js";
import "./chunk-B5AU765K.js";
export {
  runParseJob
};
