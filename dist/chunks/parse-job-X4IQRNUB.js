import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunk-VB2ZHOHV.js";
import "./chunk-GOSVXU2S.js";
import "./chunk-I6GSWM5T.js";
import "./chunk-GLSHZFB4.js";
import "./chunk-UHH7OAYF.js";
import "./chunk-B5AU765K.js";
export {
  runParseJob
};
