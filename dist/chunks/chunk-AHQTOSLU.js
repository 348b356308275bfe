import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  FILE_START,
  parseFile
} from "./chunk-JEF32JUO.js";

// cli/parse-job.ts
function runParseJob(job, maxFileSize) {
  try {
    return parseFile(job.file, job.bytes, { maxFileSize }).model;
  } catch (e) {
    return {
      file: job.file,
      problems: [{ code: "yaml", span: FILE_START, message: `Expected to read this file; found an internal error (${e.message}). Please report it with the file attached; the rest of the run is unaffected.` }]
    };
  }
}

export {
  runParseJob
};
