import type { FileModel } from '../core/model.js';
import { parseFile } from '../core/parse/parse-file.js';
import { FILE_START } from '../core/types.js';

export interface ParseJob {
  file: string;
  bytes: Uint8Array;
}

/** Parse one file; a bug in the parser becomes a reported problem, never a crash of the run. */
export function runParseJob(job: ParseJob, maxFileSize: number): FileModel {
  try {
    return parseFile(job.file, job.bytes, { maxFileSize }).model;
  } catch (e) {
    return {
      file: job.file,
      problems: [
        {
          code: 'yaml',
          span: FILE_START,
          message: `Expected to read this file; found an internal error (${(e as Error).message}). Please report it with the file attached; the rest of the run is unaffected.`,
        },
      ],
    };
  }
}
