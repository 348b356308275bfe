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

// node_modules/mdast-util-to-string/lib/index.js
var emptyOptions = {};
function toString(value, options) {
  const settings = options || emptyOptions;
  const includeImageAlt = typeof settings.includeImageAlt === "boolean" ? settings.includeImageAlt : true;
  const includeHtml = typeof settings.includeHtml === "boolean" ? settings.includeHtml : true;
  return one(value, includeImageAlt, includeHtml);
}
function one(value, includeImageAlt, includeHtml) {
  if (node(value)) {
    if ("value" in value) {
      return value.type === "html" && !includeHtml ? "" : value.value;
    }
    if (includeImageAlt && "alt" in value && value.alt) {
      return value.alt;
    }
    if ("children" in value) {
      return all(value.children, includeImageAlt, includeHtml);
    }
  }
  if (Array.isArray(value)) {
    return all(value, includeImageAlt, includeHtml);
  }
  return "";
}
function all(values, includeImageAlt, includeHtml) {
  const result = [];
  let index = -1;
  while (++index < values.length) {
    result[index] = one(values[index], includeImageAlt, includeHtml);
  }
  return result.join("");
}
function node(value) {
  return Boolean(value && typeof value === "object");
}

// core/parse/mdast-util.ts
function spanOf(node2, lines) {
  const p = node2.position;
  if (!p) return lines.span(0, 0);
  return { start: lines.pointAt(p.start.line, p.start.column), end: lines.pointAt(p.end.line, p.end.column) };
}
function textOf(node2) {
  return toString(node2, { includeImageAlt: true }).replace(/\s+/g, " ").trim();
}
function visit(root, fn) {
  const stack = [root];
  while (stack.length) {
    const n = stack.pop();
    fn(n);
    const children = n.children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}
function depthOf(root) {
  let max = 0;
  const stack = [[root, 0]];
  while (stack.length) {
    const [n, d] = stack.pop();
    if (d > max) max = d;
    const children = n.children;
    if (children) for (const c of children) stack.push([c, d + 1]);
  }
  return max;
}
function commentAttributes(html, keyword) {
  const m = new RegExp(`^<!--\\s*${keyword}\\b([\\s\\S]*?)-->\\s*$`).exec(html.trim());
  if (!m) return void 0;
  const attrs = {};
  for (const pair of m[1].matchAll(/([a-z_]+)=("[^"]*"|\S+)/g)) attrs[pair[1]] = pair[2].replace(/^"|"$/g, "");
  return attrs;
}
function slug(text) {
  return text.toLowerCase().replace(/\(required\)/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").split("-").slice(0, 6).join("-");
}

// core/text/did-you-mean.ts
function distance(a, b) {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(up + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}
function didYouMean(name, known) {
  let best;
  let bestD = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const k of known) {
    const d = distance(name, k);
    if (d < bestD || d === bestD && best !== void 0 && k < best) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

export {
  ITEM_TYPES,
  QUESTION_TYPES,
  isCheckpoint,
  prerequisitesOf,
  toString,
  spanOf,
  textOf,
  visit,
  depthOf,
  commentAttributes,
  slug,
  didYouMean
};
