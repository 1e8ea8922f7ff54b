import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { staticPropertyName, unwrapExpression } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import { canonicalModulePath } from '../registry/specifiers';

/** Where a name comes from: `open` imported from 'fs/promises' is `{ module: 'fs/promises', path: ['open'] }`. */
export interface ModuleMember {
  readonly module: string;
  readonly path: readonly string[];
}

export type ModuleBindings = ReadonlyMap<string, ModuleMember>;

const cache = new WeakMap<TSESTree.Program, ModuleBindings>();

/** `require('x')` (through parentheses and casts): 'x'; undefined for anything else. */
export function requiredModule(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const expression = unwrapExpression(node);
  if (
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.callee.type === AST_NODE_TYPES.Identifier &&
    expression.callee.name === 'require' &&
    expression.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof expression.arguments[0].value === 'string'
  ) {
    return expression.arguments[0].value;
  }
  return undefined;
}

function bindPattern(pattern: TSESTree.Node, member: ModuleMember, bindings: Map<string, ModuleMember>): void {
  if (pattern.type === AST_NODE_TYPES.Identifier) {
    bindings.set(pattern.name, canonicalModulePath(member.module, member.path));
  } else if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of pattern.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const key =
        property.key.type === AST_NODE_TYPES.Identifier && !property.computed
          ? property.key.name
          : property.key.type === AST_NODE_TYPES.Literal
            ? String(property.key.value)
            : undefined;
      if (key === undefined) continue;
      const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      bindPattern(value, { module: member.module, path: [...member.path, key] }, bindings);
    }
  }
}

/** `pg` or `pg.types` where `pg` is already bound to a module: the member it names, else undefined. */
function importedMember(node: Node, bindings: ReadonlyMap<string, ModuleMember>): ModuleMember | undefined {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return bindings.get(expression.name);
  if (expression.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = staticPropertyName(expression);
  const object = importedMember(expression.object, bindings);
  return name !== undefined && object ? { module: object.module, path: [...object.path, name] } : undefined;
}

/** `require('fs').promises` → fs + ['promises']. */
function requireChain(node: Node): ModuleMember | undefined {
  const expression = unwrapExpression(node);
  const module = requiredModule(expression);
  if (module !== undefined) return { module, path: [] };
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const name = staticPropertyName(expression);
    const object = requireChain(expression.object);
    if (name !== undefined && object) return { module: object.module, path: [...object.path, name] };
  }
  return undefined;
}

/**
 * Module-level imports and requires. Shadowing inside functions is not tracked: a local named
 * like an import is rare, and the cost is one finding the typed oracle would not make.
 */
export function moduleBindings(program: TSESTree.Program): ModuleBindings {
  const cached = cache.get(program);
  if (cached) return cached;
  const bindings = new Map<string, ModuleMember>();
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      // Type-only imports are kept: annotations such as `pool: Pool` resolve through them.
      const module = String(statement.source.value);
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
          const imported =
            specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : String(specifier.imported.value);
          bindPattern(specifier.local, { module, path: imported === 'default' ? [] : [imported] }, bindings);
        } else {
          // Default and namespace imports of CommonJS modules (node built-ins, pg, mysql2) are the module object.
          bindPattern(specifier.local, { module, path: [] }, bindings);
        }
      }
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        // `const { Pool } = pg` after `import pg from 'pg'`: a member of an import bound earlier.
        const member = declarator.init ? (requireChain(declarator.init) ?? importedMember(declarator.init, bindings)) : undefined;
        if (member) bindPattern(declarator.id, member, bindings);
      }
    } else if (
      statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
      statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference &&
      statement.moduleReference.expression.type === AST_NODE_TYPES.Literal
    ) {
      bindPattern(statement.id, { module: String(statement.moduleReference.expression.value), path: [] }, bindings);
    }
  }
  cache.set(program, bindings);
  return bindings;
}

/** What module member an expression such as `fs.promises.open` or `require('net').connect` names. */
export function resolveModuleMember(expression: Node, bindings: ModuleBindings): ModuleMember | undefined {
  const node = unwrapExpression(expression);
  if (node.type === AST_NODE_TYPES.Identifier) return bindings.get(node.name);
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = staticPropertyName(node);
    if (name === undefined) return undefined;
    const object = resolveModuleMember(node.object, bindings) ?? requireChain(node.object);
    if (!object) return undefined;
    return canonicalModulePath(object.module, [...object.path, name]);
  }
  const required = requiredModule(node);
  return required === undefined ? undefined : canonicalModulePath(required, []);
}

/** A type reference such as `Pool` or `pg.Pool` in an annotation, resolved through the imports. */
export function resolveTypeName(typeName: TSESTree.EntityName, bindings: ModuleBindings): ModuleMember | undefined {
  if (typeName.type === AST_NODE_TYPES.Identifier) return bindings.get(typeName.name);
  if (typeName.type === AST_NODE_TYPES.TSQualifiedName) {
    const left = resolveTypeName(typeName.left, bindings);
    return left ? canonicalModulePath(left.module, [...left.path, typeName.right.name]) : undefined;
  }
  return undefined;
}
