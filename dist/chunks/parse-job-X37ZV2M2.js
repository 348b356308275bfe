import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunk-PPYQMP3F.js";
import "./chunk-5H4X3EV2.js";
import "./chunk-I6GSWM5T.js";
import "./chunk-JOLOLI4E.js";
import "./chunk-UHH7OAYF.js";
import "./chunk-B5AU765K.js";
export {
  runParseJob
};
