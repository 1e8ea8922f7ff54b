import type { TSESTree } from '@typescript-eslint/utils';
import { parseSource } from '../codemod/parse-source';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { ScopeManagerLike } from '../ast/scopes';
import { walk } from '../ast/traverse';
import type { InstantiatingFile } from '../oracle/class-instantiations';

/** Another file's `new C(…)` expressions, in an AST with scopes, so they are judged as this file's are. */
export interface OtherFileCreations {
  readonly creations: readonly TSESTree.NewExpression[];
  readonly scopeManager: ScopeManagerLike;
}

// One parse per file per program: several classes of one module are often made in the same file.
const parsed = new WeakMap<InstantiatingFile, OtherFileCreations | null>();
interface ParsedText {
  readonly text: string;
  readonly parsed: { readonly ast: TSESTree.Program; readonly scopeManager: ScopeManagerLike } | null;
}
const astByFileName = new Map<string, ParsedText>();
/** Files parsed for this are kept for the next class; a lint run of thousands of files keeps few. */
const MAX_KEPT_FILES = 32;

function parsedFile(file: InstantiatingFile): ParsedText['parsed'] {
  const kept = astByFileName.get(file.fileName);
  if (kept?.text === file.text) return kept.parsed;
  let parsed: ParsedText['parsed'];
  try {
    const { ast, scopeManager } = parseSource(file.text, file.fileName);
    parsed = { ast, scopeManager };
  } catch {
    // A file the checker read but typescript-estree cannot parse: its sites stay unjudged.
    parsed = null;
  }
  if (astByFileName.size >= MAX_KEPT_FILES) astByFileName.delete(astByFileName.keys().next().value!);
  astByFileName.set(file.fileName, { text: file.text, parsed });
  return parsed;
}

/** The `new` expressions at `file.newOffsets`, or undefined when the file does not parse or one is missing. */
export function parseOtherFile(file: InstantiatingFile): OtherFileCreations | undefined {
  const known = parsed.get(file);
  if (known !== undefined) return known ?? undefined;
  const source = parsedFile(file);
  let result: OtherFileCreations | null = null;
  if (source) {
    const wanted = new Set(file.newOffsets);
    const creations: TSESTree.NewExpression[] = [];
    walk(source.ast, (node) => {
      if (node.type === AST_NODE_TYPES.NewExpression && wanted.has(node.range[0])) creations.push(node);
    });
    if (creations.length === file.newOffsets.length) result = { creations, scopeManager: source.scopeManager };
  }
  parsed.set(file, result);
  return result ?? undefined;
}
