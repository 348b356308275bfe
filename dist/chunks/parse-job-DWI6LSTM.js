import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  runParseJob
} from "./chunk-RSSEA2MX.js";
import "./chunk-7M5H3KCB.js";
import "./chunk-LWZLPCHA.js";
import "./chunk-3ORVQXUS.js";
import "./chunk-GJ3DSWD7.js";
import "./chunk-B5AU765K.js";
export {
  runParseJob
};
