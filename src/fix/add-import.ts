import type { TSESTree } from '@typescript-eslint/utils';
import { nodeIndexOf } from '../ast/node-index';
import { AST_NODE_TYPES } from '../ast/node-types';
import { unwrapExpression } from '../ast/predicates';
import { startOfOwnComments } from './leading-comments';
import { SourceLayout } from './source-layout';
import { moduleSystemOf, quoteOf, usesSemicolons } from './source-style';
import { requiredModule } from '../oracle/module-bindings';
import type { TextEdit } from './text-edit';

/** How the file names the import (`LRUCache`, `LRUCache2`, `lru.LRUCache`), and the edits that add it when it was missing. */
export interface ImportResult {
  readonly local: string;
  readonly edits: readonly TextEdit[];
}

/** `require(<module>)`, or any `require('…')` without a module. */
function isRequireCall(node: TSESTree.Node | null | undefined, module?: string): boolean {
  const required = requiredModule(node);
  return required !== undefined && (module === undefined || required === module);
}


/**
 * Could `identifier` be a binding or a reference, which a new import of the same name would
 * clash with or shadow? Property names (`x.LRUCache`, `{ LRUCache: 1 }`, class members) cannot.
 */
function isBindingOrReference(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.property !== identifier || parent.computed;
    case AST_NODE_TYPES.Property:
      return parent.key !== identifier || parent.computed || parent.shorthand;
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.AccessorProperty:
    case AST_NODE_TYPES.TSAbstractPropertyDefinition:
    case AST_NODE_TYPES.TSAbstractMethodDefinition:
    case AST_NODE_TYPES.TSPropertySignature:
    case AST_NODE_TYPES.TSMethodSignature:
      return parent.key !== identifier || parent.computed;
    case AST_NODE_TYPES.TSQualifiedName:
      return parent.right !== identifier;
    case AST_NODE_TYPES.ImportSpecifier:
      return parent.local === identifier;
    case AST_NODE_TYPES.ExportSpecifier:
      return parent.local === identifier;
    case AST_NODE_TYPES.TSEnumMember:
    case AST_NODE_TYPES.LabeledStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return false;
    default:
      return true;
  }
}

/**
 * `name`, or `name2`, `name3` … when the file already uses it for something else (its own
 * `class LRUCache`, a default import of lru-cache 6): in any scope, so the import shadows nothing.
 */
function freeName(ast: TSESTree.Program, name: string): string {
  const taken = new Set(nodeIndexOf(ast).identifiers.filter(isBindingOrReference).map((identifier) => identifier.name));
  let candidate = name;
  for (let suffix = 2; taken.has(candidate); suffix++) candidate = `${name}${suffix}`;
  return candidate;
}

const importedName = (specifier: TSESTree.ImportSpecifier): string =>
  specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;

const importsOf = (ast: TSESTree.Program, module: string): TSESTree.ImportDeclaration[] =>
  ast.body.filter((statement): statement is TSESTree.ImportDeclaration => statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === module);

/** `import { name }`, `import { name as local }`, `import * as ns` (`ns.name`): the name as the file has it. */
function existingEsmImport(ast: TSESTree.Program, module: string, name: string): string | undefined {
  for (const statement of importsOf(ast, module)) {
    if (statement.importKind === 'type') continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return `${specifier.local.name}.${name}`;
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind !== 'type' && importedName(specifier) === name) return specifier.local.name;
    }
  }
  return undefined;
}

/** `const { name } = require(module)`, `const { name: local } = …`, `const local = require(module).name`. */
function existingRequire(ast: TSESTree.Program, module: string, name: string): string | undefined {
  for (const statement of ast.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init && unwrapExpression(declarator.init);
      if (
        init?.type === AST_NODE_TYPES.MemberExpression &&
        isRequireCall(init.object, module) &&
        !init.computed &&
        init.property.type === AST_NODE_TYPES.Identifier &&
        init.property.name === name &&
        declarator.id.type === AST_NODE_TYPES.Identifier
      ) {
        return declarator.id.name;
      }
      if (!isRequireCall(init, module) || declarator.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
      for (const property of declarator.id.properties) {
        if (
          property.type === AST_NODE_TYPES.Property &&
          !property.computed &&
          property.key.type === AST_NODE_TYPES.Identifier &&
          property.key.name === name &&
          property.value.type === AST_NODE_TYPES.Identifier
        ) {
          return property.value.name;
        }
      }
    }
  }
  return undefined;
}

/**
 * `import type { LRUCache }` or `import { type LRUCache }`: the same class, imported for its type
 * only. The file keeps that one name, now imported as a value too (a second import of it would be
 * a duplicate declaration); the other specifiers of an `import type` stay type-only.
 */
function typeOnlyImport(ast: TSESTree.Program, source: string, module: string, name: string): ImportResult | undefined {
  for (const statement of importsOf(ast, module)) {
    for (const specifier of statement.specifiers) {
      if (specifier.type !== AST_NODE_TYPES.ImportSpecifier || importedName(specifier) !== name) continue;
      if (specifier.importKind === 'type') {
        return { local: specifier.local.name, edits: [{ range: [specifier.range[0], specifier.imported.range[0]], text: '' }] };
      }
      if (statement.importKind !== 'type') continue;
      const keyword = /^import(\s+)type\s+/.exec(source.slice(statement.range[0], statement.range[1]));
      if (!keyword) return undefined;
      const edits: TextEdit[] = [{ range: [statement.range[0] + 'import'.length, statement.range[0] + keyword[0].length], text: keyword[1] }];
      for (const other of statement.specifiers) {
        if (other !== specifier) edits.push({ range: [other.range[0], other.range[0]], text: 'type ' });
      }
      return { local: specifier.local.name, edits };
    }
  }
  return undefined;
}

/**
 * Where a new import line goes: after the last top-level import/require; else above the first
 * statement after the directives (`'use strict'`) and the comments that belong to it. A JSDoc
 * `@type` left above the import would type the import instead of its declaration.
 */
function insertionPoint(ast: TSESTree.Program, source: string, layout: SourceLayout, commonJs: boolean): { offset: number; after?: TSESTree.Node } {
  const imports = ast.body.filter((statement) =>
    commonJs
      ? statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.some((declarator) => isRequireCall(declarator.init))
      : statement.type === AST_NODE_TYPES.ImportDeclaration,
  );
  const last = imports[imports.length - 1];
  if (last) return { offset: layout.lineEnd(last.range[1]), after: last };
  const first = ast.body.find((statement) => !(statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive));
  return { offset: first ? layout.lineStart(startOfOwnComments(ast, source, first)) : layout.text.length };
}

/**
 * Makes `name` from `module` available at module level, the way the file already imports: a named
 * ES import (merged into an existing import of the module) or a destructured `require` in CommonJS,
 * with the file's quotes, semicolons and line endings. An import the file already has is reused,
 * whichever way it is written; a name the file uses for something else gets a suffix. The edits
 * are the same for every fix in a file, so two fixes of one pass share them (see applyEdits).
 */
export function importNamed(ast: TSESTree.Program, source: string, module: string, name: string): ImportResult {
  const commonJs = moduleSystemOf(ast, source) === 'commonjs';
  const existing = existingEsmImport(ast, module, name) ?? existingRequire(ast, module, name);
  if (existing) return { local: existing, edits: [] };
  const typeOnly = typeOnlyImport(ast, source, module, name);
  if (typeOnly) return typeOnly;
  const local = freeName(ast, name);
  const layout = new SourceLayout(source);
  const quote = quoteOf(ast, source);
  if (!commonJs) {
    const merge = importsOf(ast, module).find(
      (statement) => statement.importKind !== 'type' && statement.specifiers.some((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier),
    );
    const lastSpecifier = merge?.specifiers[merge.specifiers.length - 1];
    if (lastSpecifier) {
      return { local, edits: [{ range: [lastSpecifier.range[1], lastSpecifier.range[1]], text: `, ${local === name ? name : `${name} as ${local}`}` }] };
    }
  }
  const { offset, after } = insertionPoint(ast, source, layout, commonJs);
  const semicolon = usesSemicolons(ast, source) ? ';' : '';
  const statement = commonJs
    ? `const { ${local === name ? name : `${name}: ${local}`} } = require(${quote}${module}${quote})${semicolon}`
    : `import { ${local === name ? name : `${name} as ${local}`} } from ${quote}${module}${quote}${semicolon}`;
  return { local, edits: [{ range: [offset, offset], text: after ? `${layout.eol}${statement}` : `${statement}${layout.eol}${layout.eol}` }] };
}
