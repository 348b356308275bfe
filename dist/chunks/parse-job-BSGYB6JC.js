import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunk-CUISYI45.js";
import "./chunk-UV2NVA6P.js";
import "./chunk-I6GSWM5T.js";
import "./chunk-JOLOLI4E.js";
import "./chunk-UHH7OAYF.js";
import "./chunk-B5AU765K.js";
export {
  runParseJob
};
