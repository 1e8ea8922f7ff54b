import type { TSESTree } from '@typescript-eslint/utils';
import { statementListOf } from '../ast/statement-lists';
import type { Node } from '../ast/traverse';
import { SourceLayout } from './source-layout';
import { insideTextToken } from './text-tokens';
import type { TextEdit } from './text-edit';

export function markerText(codemod: string, reason: string): string {
  // A reason must not end the comment early.
  return `/* ${markerTag(codemod)}: ${reason.replaceAll('*/', '* /')} */`;
}

/** What every marker of `codemod` contains, to find the ones already there. */
export function markerTag(codemod: string): string {
  return `leakguard-todo(${codemod})`;
}

/** The statement to annotate: the one directly in a statement list that contains the site. */
function enclosingStatement(node: Node): Node | undefined {
  for (let current: Node | undefined = node; current; current = current.parent) {
    if (current.parent && statementListOf(current.parent)) return current;
  }
  return undefined;
}

/**
 * The marker a codemod leaves where it did not fix a finding, on its own line above the statement,
 * inserted once: the paired rule keeps reporting the site, so a CI gate catches the unfinished migration.
 */
export function todoMarkerEdit(
  source: string,
  comments: readonly TSESTree.Comment[],
  site: Node,
  codemod: string,
  reason: string,
): TextEdit | undefined {
  const statement = enclosingStatement(site);
  if (!statement) return undefined;
  const layout = new SourceLayout(source);
  const lineStart = layout.lineStart(statement.range[0]);
  const tag = markerTag(codemod);
  const previousLine = statement.loc.start.line - 1;
  if (comments.some((comment) => comment.value.includes(tag) && comment.loc.end.line >= previousLine && comment.loc.start.line <= statement.loc.start.line)) {
    return undefined;
  }
  // Bundled code: the line starts inside a template literal (or a string, a comment) that an earlier
  // statement opened on a line above; a marker there would change that text. It goes right before
  // the statement instead, which ends its own line (a token boundary, so nothing else changes).
  if (insideMultiLineToken(rootOf(statement), comments, lineStart)) {
    return { range: [statement.range[0], statement.range[0]], text: `${markerText(codemod, reason)}${layout.eol}` };
  }
  // `function touch(p) { fs.createWriteStream(p); }`: the statement shares its line, so the marker
  // goes on its own line above that line, like every other marker (one format to grep for).
  const indent = /^[ \t]*/.exec(source.slice(lineStart, statement.range[0]))![0];
  return { range: [lineStart, lineStart], text: `${indent}${markerText(codemod, reason)}${layout.eol}` };
}

function rootOf(node: Node): Node {
  let root = node;
  while (root.parent) root = root.parent;
  return root;
}

function insideMultiLineToken(root: Node, comments: readonly TSESTree.Comment[], offset: number): boolean {
  return comments.some((comment) => comment.range[0] < offset && offset < comment.range[1]) || insideTextToken(root, offset);
}
