/** Line-level facts about a source text that edits must respect: line ends, indentation, EOL style. */
export class SourceLayout {
  readonly eol: '\n' | '\r\n';
  readonly indentUnit: string;

  constructor(readonly text: string) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
    this.indentUnit = detectIndentUnit(text);
  }

  lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** Offset of the line's `\n` (or of `\r` in `\r\n`), or the text's length on the last line. */
  lineEnd(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    if (newline < 0) return this.text.length;
    return this.text[newline - 1] === '\r' ? newline - 1 : newline;
  }

  /** Just past the line's line break. */
  nextLineStart(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    return newline < 0 ? this.text.length : newline + 1;
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

/** Tabs if the file indents with tabs; else the greatest common step of space indentation (2 or 4). */
function detectIndentUnit(text: string): string {
  let divisor = 0;
  let tabs = 0;
  let spaces = 0;
  for (const line of text.split('\n')) {
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
