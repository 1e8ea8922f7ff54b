import { AST_TOKEN_TYPES, type TSESTree } from '@typescript-eslint/types';
import { AST_NODE_TYPES } from '../ast/node-types';
import { statementListOf } from '../ast/statement-lists';
import type { Node } from '../ast/traverse';
import { SourceLayout } from './source-layout';

/** Where the text that can hold `node`'s leading comments begins: the previous token's end, or the file's start after a shebang. */
function previousTokenEnd(node: Node, source: string): number {
  const parent = node.parent;
  const siblings = parent?.type === AST_NODE_TYPES.ClassBody ? parent.body : statementListOf(parent);
  const index = siblings ? siblings.indexOf(node) : -1;
  if (index > 0) return siblings![index - 1].range[1];
  if (parent?.type === AST_NODE_TYPES.Program) return source.startsWith('#!') ? new SourceLayout(source).lineEnd(0) : 0;
  // `{` of a class body or block.
  if (index === 0 && (parent?.type === AST_NODE_TYPES.ClassBody || parent?.type === AST_NODE_TYPES.BlockStatement)) return parent.range[0] + 1;
  return node.range[0];
}

/**
 * The comments between `node` and the code before it, in source order. `ast.comments` costs a
 * parse in a codemod (see parse-source), so it is read only when that text has a comment.
 */
export function leadingComments(ast: TSESTree.Program, source: string, node: Node): TSESTree.Comment[] {
  const start = previousTokenEnd(node, source);
  if (!source.slice(start, node.range[0]).includes('/')) return [];
  return (ast.comments ?? []).filter((comment) => comment.range[0] >= start && comment.range[1] <= node.range[0]);
}

/**
 * Comments that belong to the top of the file rather than to the statement below them: licences
 * (`/*!`, `@license`, copyright), file docs, and pragmas that only work there (`@ts-check`,
 * `@jsx`, `@flow`, `/* eslint … *\/`, `/* global … *\/`). `// eslint-disable-next-line`,
 * `@ts-expect-error` and `@ts-ignore` are about the next line: they stay with it.
 */
function isFileHeader(comment: TSESTree.Comment): boolean {
  const text = comment.value;
  if (comment.type === AST_TOKEN_TYPES.Block && text.startsWith('!')) return true;
  if (/@(license|preserve|copyright|file|fileoverview|overview|module|flow|noflow|format|jsx\w*|jest-environment|vitest-environment)\b|@ts-(no)?check\b|\bcopyright\b|\(c\)/i.test(text)) return true;
  return /^\s*(eslint(?!-disable-next-line|-disable-line)\S*|jshint|jslint|globals?|exported)\s/.test(text);
}

const isJsDoc = (comment: TSESTree.Comment): boolean => comment.type === AST_TOKEN_TYPES.Block && comment.value.startsWith('*');

/** A JSDoc comment that types the declaration after it: TypeScript reads it across blank lines and line comments. */
function isTypingJsDoc(comment: TSESTree.Comment): boolean {
  return isJsDoc(comment) && /@(type|satisfies)\b/.test(comment.value);
}

/** Only blanks and at most one line break between `from` and `to`: the comment sits right on top. */
function onTop(source: string, from: number, to: number): boolean {
  return /^[ \t]*(\r\n|[\n\r\u2028\u2029])?[ \t]*$/.test(source.slice(from, to));
}

/** `// eslint-disable-next-line`, `// @ts-expect-error`, a leakguard marker …: about the line below, wherever that goes. */
function isNextLineDirective(comment: TSESTree.Comment): boolean {
  return /^\s*(eslint-disable-next-line|@ts-expect-error|@ts-ignore|prettier-ignore|(istanbul|c8) ignore next|leakguard-todo\()/.test(comment.value);
}

/**
 * Where a line inserted above `statement` must go so that the statement keeps its own comments:
 * above the comments right on top of it (a JSDoc, `// eslint-disable-next-line`), and above a JSDoc
 * `@type` further up, which TypeScript would otherwise read as the inserted line's type; but below
 * a file header, a pragma, and a comment that trails the code before it. A plain comment that opens
 * the file is its header too; a JSDoc there is the declaration's (TypeScript reads it so).
 */
export function startOfOwnComments(ast: TSESTree.Program, source: string, statement: Node): number {
  const comments = leadingComments(ast, source, statement);
  const layout = new SourceLayout(source);
  const opensFile = statement.parent?.type === AST_NODE_TYPES.Program && statement.parent.body[0] === statement;
  let start = statement.range[0];
  for (let index = comments.length - 1; index >= 0; index--) {
    const comment = comments[index];
    if (isFileHeader(comment) || !layout.startOfLineIsEmpty(comment.range[0])) break;
    const ownComment = onTop(source, comment.range[1], start) && (!opensFile || isJsDoc(comment) || isNextLineDirective(comment));
    if (ownComment || isTypingJsDoc(comment)) start = comment.range[0];
  }
  return start;
}

/**
 * The start of the next-line directives right on top of `node` (`// eslint-disable-next-line`,
 * `// @ts-expect-error`), or `node`'s start: a line inserted above `node` goes above them, or they
 * would be about the inserted line. Never above where startOfOwnComments puts an import.
 */
export function startOfNextLineDirectives(ast: TSESTree.Program, source: string, node: Node): number {
  const comments = leadingComments(ast, source, node);
  const layout = new SourceLayout(source);
  let start = node.range[0];
  for (let index = comments.length - 1; index >= 0; index--) {
    const comment = comments[index];
    if (!isNextLineDirective(comment) || isFileHeader(comment) || !layout.startOfLineIsEmpty(comment.range[0]) || !onTop(source, comment.range[1], start)) break;
    start = comment.range[0];
  }
  return start;
}
