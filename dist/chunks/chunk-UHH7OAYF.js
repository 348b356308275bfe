import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);

// core/model.ts
var ITEM_TYPES = ["track", "module", "quiz", "scenario", "reflection"];
var QUESTION_TYPES = ["single", "multiple", "text", "numeric", "ordering"];
function isCheckpoint(item) {
  return item.type === "quiz" || item.type === "scenario" || item.type === "reflection";
}
function prerequisitesOf(item) {
  return item.type === "track" || item.type === "module" || item.type === "scenario" ? item.prerequisites : [];
}

export {
  ITEM_TYPES,
  QUESTION_TYPES,
  isCheckpoint,
  prerequisitesOf
};
