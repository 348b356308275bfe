import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  App,
  OAuthApp,
  Octokit,
  RequestError,
  createNodeMiddleware
} from "./chunk-OVY75LB5.js";
import "./chunk-B5AU765K.js";
export {
  App,
  OAuthApp,
  Octokit,
  RequestError,
  createNodeMiddleware
};
