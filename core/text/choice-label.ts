/**
 * The label of the choice or ordering item at a 0-based position: a … z, then aa … az,
 * ba … zz, aaa …, like spreadsheet columns. Every position gets its own label, so key
 * files and grades can never confuse choice 28 with choice 27.
 */
export function choiceLabel(index: number): string {
  let n = index + 1;
  let label = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    label = String.fromCharCode(97 + rest) + label;
    n = Math.floor((n - 1) / 26);
  }
  return label;
}
