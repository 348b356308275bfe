import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);

// core/progress/writer.ts
var ACTIONS_BOT = { login: "github-actions[bot]", id: 41898282 };
function writtenBy(user, w = ACTIONS_BOT) {
  if (!user?.login || user.login.toLowerCase() !== w.login.toLowerCase()) return false;
  return w.id === void 0 || user.id === void 0 || user.id === w.id;
}

export {
  ACTIONS_BOT,
  writtenBy
};
