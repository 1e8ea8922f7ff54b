/** One step of a line edit script: keep, delete from the old text, insert from the new text. */
export type LineEdit = '=' | '-' | '+';

/** Lines with their terminator, so a last line without newline differs from the same line with one. */
export function splitLines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

// Beyond this many differences the O(D²) trace would cost too much memory: the middle is then
// shown as deleted and re-inserted. Still a correct diff, only not minimal. Codemod edits are small.
const maxMinimalDifferences = 2000;

/**
 * A shortest edit script from `before` to `after` (Myers' O(ND) algorithm, after trimming the common
 * prefix and suffix). Within a run of changes, deletions come before insertions, as in `diff -u`.
 */
export function lineEdits(before: readonly string[], after: readonly string[]): LineEdit[] {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix++;
  }
  const middle = myers(before.slice(prefix, before.length - suffix), after.slice(prefix, after.length - suffix));
  return [...Array<LineEdit>(prefix).fill('='), ...deletionsFirst(middle), ...Array<LineEdit>(suffix).fill('=')];
}

function myers(a: readonly string[], b: readonly string[]): LineEdit[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v[-d-1 .. d+1] as it was before step d: what the backtrack reads.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    if (d > maxMinimalDifferences) return [...Array<LineEdit>(n).fill('-'), ...Array<LineEdit>(m).fill('+')];
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m);
    }
  }
  throw new Error('unreachable: a script of n + m edits always exists');
}

function backtrack(trace: readonly Int32Array[], n: number, m: number): LineEdit[] {
  const edits: LineEdit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d];
    const at = (k: number): number => v[k + d + 1];
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      edits.push('=');
      x--;
      y--;
    }
    if (d > 0) edits.push(x === previousX ? '+' : '-');
    x = previousX;
    y = previousY;
  }
  return edits.reverse();
}

function deletionsFirst(edits: readonly LineEdit[]): LineEdit[] {
  const ordered: LineEdit[] = [];
  let run: LineEdit[] = [];
  for (const edit of [...edits, '=' as const]) {
    if (edit !== '=') {
      run.push(edit);
      continue;
    }
    ordered.push(...run.filter((e) => e === '-'), ...run.filter((e) => e === '+'), edit);
    run = [];
  }
  ordered.pop();
  return ordered;
}

export interface DiffLabels {
  /** Shown after `---`, e.g. `a/src/file.ts`. */
  readonly before: string;
  /** Shown after `+++`, e.g. `b/src/file.ts`. */
  readonly after: string;
}

interface Line {
  readonly edit: LineEdit;
  readonly text: string;
  /** Lines of the old and new text before this one. */
  readonly beforeIndex: number;
  readonly afterIndex: number;
}

/**
 * A unified diff (`diff -u`, `git apply`, `patch -p1` read it) with `context` lines around each
 * change; hunks closer than twice the context are merged. Empty when the texts are equal.
 */
export function unifiedDiff(beforeText: string, afterText: string, labels: DiffLabels, context = 3): string {
  if (beforeText === afterText) return '';
  const before = splitLines(beforeText);
  const after = splitLines(afterText);
  const lines: Line[] = [];
  let beforeIndex = 0;
  let afterIndex = 0;
  for (const edit of lineEdits(before, after)) {
    const text = edit === '+' ? after[afterIndex] : before[beforeIndex];
    lines.push({ edit, text, beforeIndex, afterIndex });
    if (edit !== '+') beforeIndex++;
    if (edit !== '-') afterIndex++;
  }

  let patch = `--- ${labels.before}\n+++ ${labels.after}\n`;
  for (const [start, end] of hunkRanges(lines, context)) patch += hunk(lines.slice(start, end));
  return patch;
}

function hunkRanges(lines: readonly Line[], context: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = -1;
  let lastChangeEnd = -1;
  lines.forEach((line, index) => {
    if (line.edit === '=') return;
    if (start !== -1 && index - lastChangeEnd > 2 * context) {
      ranges.push([start, lastChangeEnd + context]);
      start = -1;
    }
    if (start === -1) start = Math.max(0, index - context);
    lastChangeEnd = index + 1;
  });
  if (start !== -1) ranges.push([start, Math.min(lines.length, lastChangeEnd + context)]);
  return ranges;
}

function hunk(lines: readonly Line[]): string {
  const first = lines[0];
  const beforeCount = lines.filter((line) => line.edit !== '+').length;
  const afterCount = lines.filter((line) => line.edit !== '-').length;
  let text = `@@ -${range(first.beforeIndex, beforeCount)} +${range(first.afterIndex, afterCount)} @@\n`;
  for (const line of lines) {
    const marker = line.edit === '=' ? ' ' : line.edit;
    text += line.text.endsWith('\n') ? `${marker}${line.text}` : `${marker}${line.text}\n\\ No newline at end of file\n`;
  }
  return text;
}

/** `diff -u` ranges: 1-based start; an empty range names the line before it; a count of 1 is implied. */
function range(linesBefore: number, count: number): string {
  if (count === 0) return `${linesBefore},0`;
  return count === 1 ? `${linesBefore + 1}` : `${linesBefore + 1},${count}`;
}
