import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunk-6W7HC3WX.js";
import "./chunk-ROXXJTFF.js";
import "./chunk-I6GSWM5T.js";
import "./chunk-KI4B5LZO.js";
import "./chunk-UHH7OAYF.js";
import "./chunk-B5AU765K.js";
export {
  runParseJob
};
