/**
 * Text made inert for one line of Markdown, such as a table cell (and the HTML GitHub
 * allows in it): no mention, link, image, HTML, emphasis or cell break comes through.
 * Characters that only matter at the start of a line (".", "-", "+") are left alone.
 */
export function escapeMarkdown(text: string, maxLength = 300): string {
  const clipped = text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
  return clipped
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]<>#|~!@&]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Plain text written into a line of Markdown so that it reads back as the same text: a
 * backslash before each mark that could start markup there (emphasis, code, links, HTML,
 * entities, strikethrough, and the backslash itself). What an answer sheet lists (choices,
 * ordering items, pairs) is read back and compared with the quiz, so it must survive the trip.
 */
export function markdownInline(text: string): string {
  return text.replace(/[\\`*_[\]<&~]/g, '\\$&');
}
