/**
 * Typographic characters a keyboard, a phone or a word processor puts in place of the plain
 * ones: curly apostrophes and quotes, primes, dashes, and spaces of every width.
 */
const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u2032\u2035\u02BC\u02B9\u00B4\u0060\uFF07]/g;
const QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB\u301D\u301E\uFF02]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g;
// An alternation, not a class: a class holding the zero-width joiner reads as one joined sequence.
const ZERO_WIDTH = /\u200B|\u200C|\u200D|\u2060|\uFEFF|\u00AD/g;

/**
 * Text as a person reads it: Unicode compatibility forms (NFKC: full-width letters,
 * ligatures, ½), typographic apostrophes, quotes and dashes as their plain forms,
 * invisible characters removed, and every run of spaces (non-breaking, thin…) as one.
 * Case is kept; compare with `.toLowerCase()` where case does not matter.
 */
export function foldText(s: string): string {
  return s
    .normalize('NFKC')
    .replace(ZERO_WIDTH, '')
    .replace(APOSTROPHES, "'")
    .replace(QUOTES, '"')
    .replace(DASHES, '-')
    .replace(/\s+/gu, ' ')
    .trim();
}
