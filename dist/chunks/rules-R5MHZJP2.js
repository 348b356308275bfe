import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  RULES
} from "./chunk-HXAJKR5X.js";
import "./chunk-LWZLPCHA.js";
import "./chunk-B5AU765K.js";
export {
  RULES
};
