import { AST_NODE_TYPES, parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { allowsJsx, type FixtureExtension } from './fixtures';

/** A `leakguard-todo(<codemod>)` marker and the lines of the statement it annotates (the one below it). */
export interface MarkedStatement {
  readonly markerLine: number;
  readonly startLine: number;
  readonly endLine: number;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' && 'loc' in value;
}

function* nodes(root: TSESTree.Node): Generator<TSESTree.Node> {
  yield root;
  for (const [key, value] of Object.entries(root)) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (isNode(child)) yield* nodes(child);
    }
  }
}

/**
 * The markers in `source` with the statement each stands above: the outermost node that begins on
 * the next line. Found from the printed output alone, so the check does not depend on which lines
 * the codemod's outcomes count in.
 */
export function markedStatements(source: string, extension: FixtureExtension, codemod: string): MarkedStatement[] {
  const ast = parse(source, { jsx: allowsJsx(extension), loc: true, range: true, comment: true });
  const tag = `leakguard-todo(${codemod})`;
  const all = [...nodes(ast)].filter((node) => node.type !== AST_NODE_TYPES.Program);
  return (ast.comments ?? [])
    .filter((comment) => comment.value.includes(tag))
    .map((comment) => {
      const line = comment.loc.end.line + 1;
      const outermost = all
        .filter((node) => node.loc.start.line === line)
        .sort((a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1])[0];
      return { markerLine: comment.loc.start.line, startLine: line, endLine: outermost?.loc.end.line ?? line };
    });
}
