import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import { SourceLayout } from '../fix/source-layout';
import { usesSemicolons } from '../fix/source-style';
import type { TextEdit } from '../fix/text-edit';
import type { HeldResponse, UnreadBody } from './response-bodies';

interface SourceFile {
  readonly ast: TSESTree.Program;
  readonly sourceText: string;
}

/** `await res.body?.cancel()` for the fetch API, `await body.dump()` / `await res.body.dump()` for undici. */
export function releaseExpression(response: HeldResponse): string {
  if (response.api === 'fetch') return `await ${response.name}.body?.cancel()`;
  return response.bodyOnly ? `await ${response.name}.dump()` : `await ${response.name}.body.dump()`;
}

/** Only where the code can `await`: the function that awaited the response. */
function canAwait(node: Node): boolean {
  return enclosingFunction(node)?.async === true;
}

/** The release right before `statement`: on its own line in a block, or in new braces after `if (…)`. */
function insertBefore(statement: Node, release: string, file: SourceFile): TextEdit[] {
  const semicolon = usesSemicolons(file.ast, file.sourceText) ? ';' : '';
  const original = file.sourceText.slice(statement.range[0], statement.range[1]);
  const parent = statement.parent;
  const inList = parent?.type === AST_NODE_TYPES.BlockStatement || parent?.type === AST_NODE_TYPES.SwitchCase || parent?.type === AST_NODE_TYPES.Program;
  if (!inList) return [{ range: statement.range, text: `{ ${release}${semicolon} ${original} }` }];
  const layout = new SourceLayout(file.sourceText);
  const lineStart = layout.lineStart(statement.range[0]);
  const before = file.sourceText.slice(lineStart, statement.range[0]);
  const indent = /^\s*$/.test(before) ? before : '';
  return [{ range: [statement.range[0], statement.range[0]], text: indent ? `${release}${semicolon}${layout.eol}${indent}` : `${release}${semicolon} ` }];
}

/** The edits that cancel (or dump) the body where it goes unread; undefined where the code cannot await. */
export function cancelBodyEdits(unread: UnreadBody, file: SourceFile): TextEdit[] | undefined {
  const semicolon = usesSemicolons(file.ast, file.sourceText) ? ';' : '';
  switch (unread.kind) {
    case 'dropped': {
      if (!canAwait(unread.statement)) return undefined;
      const call = file.sourceText.slice(unread.response.call.range[0], unread.response.call.range[1]);
      const release = unread.response.api === 'fetch' ? 'body?.cancel()' : 'body.dump()';
      return [{ range: unread.statement.range, text: `await (await ${call}).${release}${semicolon}` }];
    }
    case 'never-read': {
      const statement = unread.response.statement;
      // `const { statusCode } = await request(url)`: no name to dump the body through.
      if (!unread.response.variable || !canAwait(statement)) return undefined;
      const layout = new SourceLayout(file.sourceText);
      const lineStart = layout.lineStart(statement.range[0]);
      const indent = file.sourceText.slice(lineStart, statement.range[0]);
      if (!/^\s*$/.test(indent)) return undefined;
      return [{ range: [statement.range[1], statement.range[1]], text: `${layout.eol}${indent}${releaseExpression(unread.response)}${semicolon}` }];
    }
    case 'unread-on-exit':
      if (!canAwait(unread.exit)) return undefined;
      return insertBefore(unread.exit, releaseExpression(unread.response), file);
  }
}
