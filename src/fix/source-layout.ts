/**
 * ECMAScript line terminators: `\n`, `\r\n`, a lone `\r`, U+2028 and U+2029. ESLint and TypeScript
 * count lines by all of them; an edit that only knew `\n` would misplace code in old Mac files.
 */
export const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/g;
const isBreak = (character: string | undefined) =>
  character === '\n' || character === '\r' || character === '\u2028' || character === '\u2029';

/** Line-level facts about a source text that edits must respect: line ends, indentation, EOL style. */
export class SourceLayout {
  readonly eol: string;
  readonly indentUnit: string;

  constructor(readonly text: string) {
    this.eol = dominantLineBreak(text);
    this.indentUnit = detectIndentUnit(text);
  }

  lineStart(offset: number): number {
    let index = offset;
    while (index > 0 && !isBreak(this.text[index - 1])) index--;
    return index;
  }

  /** Offset of the line's break (of `\r` in `\r\n`), or the text's length on the last line. */
  lineEnd(offset: number): number {
    let index = offset;
    while (index < this.text.length && !isBreak(this.text[index])) index++;
    return index;
  }

  /** Just past the line's line break. */
  nextLineStart(offset: number): number {
    const end = this.lineEnd(offset);
    if (end >= this.text.length) return this.text.length;
    return this.text.startsWith('\r\n', end) ? end + 2 : end + 1;
  }

  /** 1-based line of `offset`, counted as ESLint and TypeScript count them. */
  lineOf(offset: number): number {
    return this.text.slice(0, offset).split(LINE_BREAK).length;
  }

  indentationAt(offset: number): string {
    const start = this.lineStart(offset);
    return /^[ \t]*/.exec(this.text.slice(start, offset))![0];
  }

  /** Only blanks (and a trailing comment) between `from` and the end of its line. */
  restOfLineIsEmpty(from: number): boolean {
    const rest = this.text.slice(from, this.lineEnd(from));
    return /^\s*(\/\/.*|\/\*.*?\*\/\s*)?$/.test(rest);
  }

  /** Only blanks between the start of the line and `to`. */
  startOfLineIsEmpty(to: number): boolean {
    return this.text.slice(this.lineStart(to), to).trim() === '';
  }
}

/** The file's own line break: edits insert lines with it. */
function dominantLineBreak(text: string): string {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(LINE_BREAK)) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
  let best = '\n';
  let most = 0;
  for (const [lineBreak, count] of counts) {
    if (count > most) {
      best = lineBreak;
      most = count;
    }
  }
  return best;
}

/** Tabs if the file indents with tabs; else the greatest common step of space indentation (2 or 4). */
function detectIndentUnit(text: string): string {
  let divisor = 0;
  let tabs = 0;
  let spaces = 0;
  for (const line of text.split(LINE_BREAK)) {
    const indentation = /^[ \t]*/.exec(line)![0];
    if (indentation.length === 0 || line.trim().length === 0) continue;
    // JSDoc continuation lines (` * …`) are indented by one space: not the file's step.
    if (line.trimStart().startsWith('*')) continue;
    if (indentation.startsWith('\t')) {
      tabs++;
      continue;
    }
    spaces++;
    divisor = gcd(divisor, indentation.length);
  }
  if (tabs > spaces) return '\t';
  return divisor === 4 || divisor === 8 ? '    ' : '  ';
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
