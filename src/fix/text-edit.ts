/** Edits by source range: untouched bytes stay byte-identical, in the codemod and in ESLint suggestions alike. */
export interface TextEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0]);
  let output = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.range[0] < cursor) throw new Error(`overlapping edits at offset ${edit.range[0]}`);
    output += source.slice(cursor, edit.range[0]) + edit.text;
    cursor = edit.range[1];
  }
  return output + source.slice(cursor);
}

export function editsOverlap(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  return a.some((left) => b.some((right) => left.range[0] < right.range[1] && right.range[0] < left.range[1]));
}
