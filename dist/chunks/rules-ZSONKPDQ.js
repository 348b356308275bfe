import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  RULES
} from "./chunk-EIFYVTYX.js";
import "./chunk-LWN357S5.js";
import "./chunk-N6VMDUHI.js";
import "./chunk-B5AU765K.js";
export {
  RULES
};
