import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);

// core/text/calendar-date.ts
var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
var DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function isCalendarDate(s) {
  const m = DATE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS[month - 1]);
}

// core/text/line-endings.ts
var BOM = 65279;
function toLf(text) {
  const body = text.charCodeAt(0) === BOM ? text.slice(1) : text;
  return body.indexOf("\r") === -1 ? body : body.replace(/\r\n?/g, "\n");
}
function textForm(text) {
  const bom = text.charCodeAt(0) === BOM;
  if (text.indexOf("\r") === -1) return { eol: "\n", bom };
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (let i = text.indexOf("\r"); i !== -1; i = text.indexOf("\r", i + 1)) {
    if (text.charCodeAt(i + 1) === 10) crlf++;
    else cr++;
  }
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lf++;
  lf -= crlf;
  const eol = crlf > lf && crlf >= cr ? "\r\n" : cr > lf && cr > crlf ? "\r" : "\n";
  return { eol, bom };
}
function inForm(lfText, form) {
  const body = form.eol === "\n" ? lfText : lfText.replace(/\n/g, form.eol);
  return form.bom ? `\uFEFF${body}` : body;
}

export {
  toLf,
  textForm,
  inForm,
  isCalendarDate
};
