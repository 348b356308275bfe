import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunk-W2IRQ77A.js";
import "./chunk-N3OL75BO.js";
import "./chunk-LWZLPCHA.js";
import "./chunk-CNBQZD56.js";
import "./chunk-B5AU765K.js";
export {
  runParseJob
};
