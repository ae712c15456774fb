// The scripts the build writes into dist/ (the start-up script, sw.js) are read by browsers, not
// people: their comment lines are left out, as they count against the first load's size budget.
// Only whole lines that are comments go. (A line of a multi-line string that starts with // would
// go too: the sources in web/ have none, and the browser tests run what this writes.)
export function withoutCommentLines(source) {
  return source
    .split('\n')
    .filter((line) => !/^\s*\/\//.test(line))
    .join('\n');
}
