import path from 'node:path';
import { analyze } from '@typescript-eslint/scope-manager';
import { parse, parseAndGenerateServices, type TSESTree } from '@typescript-eslint/typescript-estree';
import type ts from 'typescript';
import { linkAndIndex } from '../ast/node-index';
import { programWithSource } from './program-with-source';
import type { ScopeManagerLike } from '../ast/scopes';

export interface ParsedSource {
  readonly ast: TSESTree.Program;
  readonly scopeManager: ScopeManagerLike;
  /** Present when the file was analysed inside a TypeScript program. */
  readonly services?: {
    readonly program: ts.Program;
    readonly esTreeNodeToTSNodeMap: import('@typescript-eslint/typescript-estree').ParserServicesWithTypeInformation['esTreeNodeToTSNodeMap'];
  };
}

export class SourceParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'SourceParseError';
  }
}

/** JSX is legal in .tsx/.jsx and customary in .js; in .ts it would break `<T>value` casts. */
export function allowsJsx(filePath: string): boolean {
  return /\.(tsx|jsx|js|mjs|cjs)$/i.test(filePath);
}

function isScript(filePath: string, source: string): boolean {
  return /\.cjs$/i.test(filePath) || (/\.js$/i.test(filePath) && !/^\s*(import|export)\s/m.test(source));
}

function toParseError(error: unknown): SourceParseError {
  const details = error as { message?: string; lineNumber?: number; column?: number; location?: { start?: { line?: number; column?: number } } };
  const line = details.location?.start?.line ?? details.lineNumber ?? 1;
  const column = (details.location?.start?.column ?? details.column ?? 0) + 1;
  return new SourceParseError(String(details.message ?? error).split('\n')[0], line, column);
}

/** The same AST the rules see (typescript-estree), typed when the file belongs to `program`. */
export function parseSource(source: string, filePath: string, program?: ts.Program): ParsedSource {
  let ast: TSESTree.Program;
  let services: ParsedSource['services'];
  try {
    const fileInProgram = program?.getSourceFile(path.resolve(filePath));
    if (program && fileInProgram) {
      const current = programWithSource(program, filePath, source);
      const result = parseAndGenerateServices(source, {
        filePath: path.resolve(filePath),
        programs: [current],
        loc: true,
        range: true,
        comment: true,
        tokens: false,
      });
      ast = result.ast;
      services = { program: result.services.program!, esTreeNodeToTSNodeMap: result.services.esTreeNodeToTSNodeMap };
    } else {
      const options = { filePath, loc: true, range: true, jsx: allowsJsx(filePath) };
      ast = parse(source, { ...options, comment: false });
      commentsOnDemand(ast, () => parse(source, { ...options, comment: true }).comments ?? []);
    }
  } catch (error) {
    throw toParseError(error);
  }
  linkAndIndex(ast, filePath);
  const sourceType = isScript(filePath, source) ? 'script' : 'module';
  const scopeManager = new LazyScopeManager(() => analyze(ast, { sourceType, jsxPragma: null }) as unknown as ScopeManagerLike);
  return { ast, scopeManager, ...(services ? { services } : {}) };
}

/**
 * Comments are a third of typescript-estree's parse, and a codemod reads them only around a
 * finding (suppressions, markers, the comments above a new declaration), behind a text check that
 * the file can have the comment it looks for. So `ast.comments` is filled on first read, by a
 * second parse that keeps them: same text, same positions.
 */
function commentsOnDemand(ast: TSESTree.Program, parseComments: () => TSESTree.Comment[]): void {
  let comments: TSESTree.Comment[] | undefined;
  Object.defineProperty(ast, 'comments', {
    configurable: true,
    enumerable: true,
    get: () => (comments ??= parseComments()),
    set: (value: TSESTree.Comment[]) => {
      comments = value;
    },
  });
}

/**
 * Scope analysis on first use: most files have nothing for a detector to look at (its text
 * pre-check or its candidate search ends early), and scope analysis is a fifth of a codemod's parse.
 */
class LazyScopeManager implements ScopeManagerLike {
  #analysed: ScopeManagerLike | undefined;

  constructor(private readonly analyseScopes: () => ScopeManagerLike) {}

  acquire(node: Parameters<ScopeManagerLike['acquire']>[0], inner?: boolean): ReturnType<ScopeManagerLike['acquire']> {
    return this.#scopes().acquire(node, inner);
  }

  getDeclaredVariables(node: Parameters<ScopeManagerLike['getDeclaredVariables']>[0]): ReturnType<ScopeManagerLike['getDeclaredVariables']> {
    return this.#scopes().getDeclaredVariables(node);
  }

  #scopes(): ScopeManagerLike {
    this.#analysed ??= this.analyseScopes();
    return this.#analysed;
  }
}
