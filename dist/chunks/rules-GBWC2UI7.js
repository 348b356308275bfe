import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  RULES
} from "./chunk-X7AHJ7VS.js";
import "./chunk-I6GSWM5T.js";
import "./chunk-UHH7OAYF.js";
import "./chunk-B5AU765K.js";
export {
  RULES
};
