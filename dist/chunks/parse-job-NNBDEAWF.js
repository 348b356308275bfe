import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunk-RAIXZZK3.js";
import "./chunk-7MLHL3EW.js";
import "./chunk-I6GSWM5T.js";
import "./chunk-G2VFSW4V.js";
import "./chunk-UHH7OAYF.js";
import "./chunk-B5AU765K.js";
export {
  runParseJob
};
