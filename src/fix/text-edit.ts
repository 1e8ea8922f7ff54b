/** Edits by source range: untouched bytes stay byte-identical, in the codemod and in ESLint suggestions alike. */
export interface TextEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

/**
 * A function a rewrite declares that the user's code must call, or may: `singleton-client`'s getter
 * is called where the client was made, but nothing calls its `close<Name>()` until the user wires it
 * into graceful shutdown — so the report names it.
 */
export interface AddedFunction {
  readonly name: string;
  readonly purpose: 'shared-getter' | 'graceful-shutdown';
}

/** A plan's edits, with a note for the report ("kept the existing try") and the functions it adds, or why it cannot be applied after all. */
export type EditResult = { readonly edits: readonly TextEdit[]; readonly note?: string; readonly added?: readonly AddedFunction[] } | { readonly refusal: string };

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.range[0] === b.range[0] && a.range[1] === b.range[1] && a.text === b.text;
}

/**
 * Applies `edits` to `source`. An edit that several fixes need (two caches in one file both need
 * the `LRUCache` import) is made once: the corpus found `const { LRUCache } = require(…)` twice,
 * which Node rejects as a redeclaration. Zero-width insertions at one offset keep their order.
 */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  const seen = new Set<string>();
  const distinct = edits.filter((edit) => {
    const key = `${edit.range[0]}:${edit.range[1]}:${edit.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const sorted = distinct.sort((a, b) => a.range[0] - b.range[0]);
  let output = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.range[0] < cursor) throw new Error(`overlapping edits at offset ${edit.range[0]}`);
    output += source.slice(cursor, edit.range[0]) + edit.text;
    cursor = edit.range[1];
  }
  return output + source.slice(cursor);
}

/** Two sets of edits conflict where they change the same text differently; the same edit in both is shared. */
export function editsOverlap(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  return a.some((left) => b.some((right) => !sameEdit(left, right) && left.range[0] < right.range[1] && right.range[0] < left.range[1]));
}
