import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);

// core/text/markdown-escape.ts
function escapeMarkdown(text, maxLength = 300) {
  const clipped = text.length > maxLength ? `${text.slice(0, maxLength)}\u2026` : text;
  return clipped.replace(/[\r\n]+/g, " ").replace(/[\\`*_{}[\]<>#|~!@&]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export {
  escapeMarkdown
};
