import type { FileProblem } from '../model.js';
import { FILE_START } from '../types.js';
import { toLf } from '../text/line-endings.js';

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The first byte that is not part of valid UTF-8. */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b < 0xe0
          ? 1
          : b >= 0xe0 && b < 0xf0
            ? 2
            : b >= 0xf0 && b < 0xf5
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++)
      if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return bytes.length;
}

function at(line: number): FileProblem['span'] {
  return { start: { line, column: 1, offset: 0 }, end: { line, column: 1, offset: 0 } };
}

/** Bytes to text, or the reason they cannot be read as a Markdown file. */
export function decodeText(
  bytes: Uint8Array,
  maxFileSize = DEFAULT_MAX_FILE_SIZE,
): { text: string } | { problem: FileProblem } {
  if (bytes.length > maxFileSize) {
    return {
      problem: {
        code: 'too-large',
        span: FILE_START,
        message: `Expected a file of at most ${maxFileSize} bytes; found ${bytes.length}. Split it into smaller modules, or raise lint.max_file_size in enablekit.yml.`,
      },
    };
  }
  const probe = bytes.subarray(0, 8000);
  const nul = probe.indexOf(0);
  if (nul !== -1) {
    return {
      problem: {
        code: 'binary',
        span: at(lineOfByte(bytes, nul)),
        message:
          'Expected a text file; found binary content (a NUL byte). Remove the file from the curricula folder or list it under lint.ignore.',
      },
    };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const bad = firstInvalidByte(bytes);
    return {
      problem: {
        code: 'encoding',
        span: at(lineOfByte(bytes, bad)),
        message: `Expected UTF-8 text; found an invalid byte (0x${(bytes[bad] ?? 0).toString(16)}) at byte ${bad}. Save the file as UTF-8.`,
      },
    };
  }
  text = toLf(text);
  if (text.trim() === '') {
    return {
      problem: {
        code: 'empty',
        span: FILE_START,
        message:
          'Expected front matter and content; found an empty file. Run "enablekit new <type> <id>" for a template, or delete the file.',
      },
    };
  }
  return { text };
}
