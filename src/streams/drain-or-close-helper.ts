import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { writesTypeScript } from '../ast/typescript-syntax';
import { nodeIndexOf } from '../ast/node-index';
import { SourceLayout } from '../fix/source-layout';
import { usesSemicolons } from '../fix/source-style';
import type { TextEdit } from '../fix/text-edit';

export const DRAIN_OR_CLOSE = 'drainOrClose';

/**
 * The helper the suggestions call: resolves on `drain`, and also on `close` or `error` (or at once
 * when the stream is already destroyed), so a writer whose client left moves on instead of parking
 * for ever with everything it holds. Typed structurally (any node EventEmitter with `destroyed`), so
 * it takes a `ServerResponse`, a socket, a file stream or a grpc-js call without an import.
 */
function helperText(typescript: boolean, semicolon: string, eol: string): string {
  const parameter = typescript ? 'stream: NodeJS.EventEmitter & { readonly destroyed?: boolean }' : 'stream';
  const returns = typescript ? ': Promise<void>' : '';
  const settleType = typescript ? ': void' : '';
  return [
    '/** Resolves when `stream` takes writes again, or has closed or failed: waiting for `drain` alone parks for ever once the reader has gone. */',
    `function ${DRAIN_OR_CLOSE}(${parameter})${returns} {`,
    `  return new Promise((resolve) => {`,
    `    if (stream.destroyed) return resolve()${semicolon}`,
    `    const settle = ()${settleType} => {`,
    `      stream.off('drain', settle)${semicolon}`,
    `      stream.off('close', settle)${semicolon}`,
    `      stream.off('error', settle)${semicolon}`,
    `      resolve()${semicolon}`,
    `    }${semicolon}`,
    `    stream.on('drain', settle)${semicolon}`,
    `    stream.on('close', settle)${semicolon}`,
    `    stream.on('error', settle)${semicolon}`,
    `  })${semicolon}`,
    '}',
  ].join(eol);
}

function declaresHelper(ast: TSESTree.Program): boolean {
  return ast.body.some((statement) => {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    return declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id?.name === DRAIN_OR_CLOSE;
  });
}

/**
 * The edits that make `drainOrClose` callable in the file: none when the file declares it already
 * (added once per file, whichever suggestion came first), the helper at the end of the file
 * otherwise (a function declaration is hoisted). Undefined when the name means something else here.
 */
export function drainOrCloseHelperEdits(ast: TSESTree.Program, source: string): TextEdit[] | undefined {
  if (declaresHelper(ast)) return [];
  if (nodeIndexOf(ast).identifiers.some((identifier) => identifier.name === DRAIN_OR_CLOSE)) return undefined;
  const layout = new SourceLayout(source);
  const semicolon = usesSemicolons(ast, source) ? ';' : '';
  const ending = /[\n\r]$/.test(source) ? '' : layout.eol;
  return [{ range: [source.length, source.length], text: `${ending}${layout.eol}${helperText(writesTypeScript(ast), semicolon, layout.eol)}${layout.eol}` }];
}
