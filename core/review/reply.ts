import { escapeMarkdown } from '../text/markdown-escape.js';

/** A reply to the person whose command was not taken: they are mentioned, and nothing they or a learner wrote can mention or format anything. */
export const replyBody = (to: string, text: string) => `@${to}: ${escapeMarkdown(text, 1000)}`;
