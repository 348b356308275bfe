import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  RULES
} from "./chunk-VRJW73UH.js";
import "./chunk-LWN357S5.js";
import "./chunk-463AT2KH.js";
import "./chunk-B5AU765K.js";
export {
  RULES
};
