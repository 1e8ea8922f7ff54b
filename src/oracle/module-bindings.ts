import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { promisifiedMember } from './promisified-factories';
import { staticPropertyName, unwrapExpression } from '../ast/predicates';
import { walk, type Node } from '../ast/traverse';
import { canonicalModulePath, returnsItsModule } from '../registry/specifiers';

/** Where a name comes from: `open` imported from 'fs/promises' is `{ module: 'fs/promises', path: ['open'] }`. */
export interface ModuleMember {
  readonly module: string;
  readonly path: readonly string[];
  /**
   * `const open = util.promisify(fs.open)`: the member it wraps, called through a promise. Awaited,
   * it resolves to what the member's callback receives; releases (`close(fd)`) and borrowing calls
   * (`read(fd, …)`) are the member's own.
   */
  readonly promisified?: boolean;
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

/** `sqlite3.verbose()`: a call of a module function that gives back its module (see returnsItsModule). */
function moduleReturnedBy(expression: Node, member: (callee: Node) => ModuleMember | undefined): ModuleMember | undefined {
  if (expression.type !== AST_NODE_TYPES.CallExpression || expression.arguments.length > 0) return undefined;
  const callee = member(expression.callee);
  return callee && returnsItsModule(callee.module, callee.path) ? { module: callee.module, path: [] } : undefined;
}

/** `pg` or `pg.types` where `pg` is already bound to a module: the member it names, else undefined. */
function importedMember(node: Node, bindings: ReadonlyMap<string, ModuleMember>): ModuleMember | undefined {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return bindings.get(expression.name);
  const returned = moduleReturnedBy(expression, (callee) => importedMember(callee, bindings));
  if (returned) return returned;
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
  const returned = moduleReturnedBy(expression, requireChain);
  if (returned) return returned;
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
        const member = declarator.init
          ? (requireChain(declarator.init) ?? dynamicImportChain(declarator.init) ?? importedMember(declarator.init, bindings) ?? promisifiedMember(declarator.init, (expression) => resolveModuleMember(expression, bindings)))
          : undefined;
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
  bindLazilyLoaded(program, bindings);
  bindLocalDynamicImports(program, bindings);
  cache.set(program, bindings);
  return bindings;
}

/** `await import('ioredis')`, `(await import('ioredis')).default`: the module (member) a dynamic import loads. */
function dynamicImportChain(node: Node): ModuleMember | undefined {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.AwaitExpression) {
    const imported = unwrapExpression(expression.argument);
    return imported.type === AST_NODE_TYPES.ImportExpression && imported.source.type === AST_NODE_TYPES.Literal && typeof imported.source.value === 'string'
      ? { module: imported.source.value, path: [] }
      : undefined;
  }
  if (expression.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = staticPropertyName(expression);
  const object = dynamicImportChain(expression.object);
  return name !== undefined && object ? { module: object.module, path: [...object.path, name] } : undefined;
}

/**
 * `const mod = await import('ioredis'); const Redis = mod.default;` inside a function: a package
 * loaded on first use (a health probe, a CLI command) is still that package. Function-local `const`
 * bindings rooted in a dynamic import are bound like imports; a name bound at module level, or bound
 * to two different members in two functions, is left alone.
 */
function bindLocalDynamicImports(program: TSESTree.Program, bindings: Map<string, ModuleMember>): void {
  const local = new Map<string, ModuleMember | null>();
  walk(program, (node) => {
    if (node.type !== AST_NODE_TYPES.VariableDeclarator || !node.init || node.parent?.type !== AST_NODE_TYPES.VariableDeclaration || node.parent.kind !== 'const') return undefined;
    if (node.parent.parent?.type === AST_NODE_TYPES.Program) return undefined;
    const member = dynamicImportChain(node.init) ?? importedMember(node.init, new Map([...local].flatMap(([name, bound]) => (bound ? [[name, bound] as const] : []))));
    if (!member) return undefined;
    const found = new Map<string, ModuleMember>();
    bindPattern(node.id, member, found);
    for (const [name, bound] of found) {
      if (bindings.has(name)) continue;
      const known = local.get(name);
      const same = known === undefined || (known !== null && known.module === bound.module && known.path.join('.') === bound.path.join('.'));
      local.set(name, same ? bound : null);
    }
    return undefined;
  });
  for (const [name, member] of local) if (member) bindings.set(name, member);
}

/** `let grpc;`, `let grpc: any = {}`: a module variable declared empty, to be filled later. */
function isPlaceholder(init: TSESTree.Expression | null): boolean {
  if (!init) return true;
  const value = unwrapExpression(init);
  if (value.type === AST_NODE_TYPES.ObjectExpression) return value.properties.length === 0;
  if (value.type === AST_NODE_TYPES.Literal) return value.value === null;
  return value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined';
}

/**
 * The module a value loads: `require('x')` (and members of it), `await import('x')`, or a loader
 * that is handed a `() => require('x')` thunk to fall back on (NestJS's `loadPackage('x', ctx, () =>
 * require('x'))`, optional-dependency helpers).
 */
function loadedModule(value: Node): ModuleMember | undefined {
  const node = unwrapExpression(value);
  const required = requireChain(node);
  if (required) return required;
  if (node.type === AST_NODE_TYPES.AwaitExpression) {
    const imported = unwrapExpression(node.argument);
    if (imported.type === AST_NODE_TYPES.ImportExpression && imported.source.type === AST_NODE_TYPES.Literal && typeof imported.source.value === 'string') {
      return { module: imported.source.value, path: [] };
    }
    return undefined;
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  for (const argument of node.arguments) {
    if (argument.type !== AST_NODE_TYPES.ArrowFunctionExpression && argument.type !== AST_NODE_TYPES.FunctionExpression) continue;
    const body = argument.body;
    const returned = body.type === AST_NODE_TYPES.BlockStatement ? (body.body.length === 1 && body.body[0].type === AST_NODE_TYPES.ReturnStatement ? body.body[0].argument : null) : body;
    const thunk = returned ? requireChain(returned) : undefined;
    if (thunk) return thunk;
  }
  return undefined;
}

/**
 * `let grpcPackage = {}; … grpcPackage = loadPackage('@grpc/grpc-js', …, () => require('@grpc/grpc-js'))`:
 * a module variable declared empty and only ever assigned one loaded module stands for that module,
 * as an import would (packages loaded lazily, on first use, are still the packages).
 */
function bindLazilyLoaded(program: TSESTree.Program, bindings: Map<string, ModuleMember>): void {
  const placeholders = new Set<string>();
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.kind === 'const') continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type === AST_NODE_TYPES.Identifier && !bindings.has(declarator.id.name) && isPlaceholder(declarator.init)) placeholders.add(declarator.id.name);
    }
  }
  if (placeholders.size === 0) return;
  const loads = new Map<string, ModuleMember | null>();
  walk(program, (node) => {
    if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.left.type !== AST_NODE_TYPES.Identifier || !placeholders.has(node.left.name)) return undefined;
    const name = node.left.name;
    const loaded = node.operator === '=' || node.operator === '??=' || node.operator === '||=' ? loadedModule(node.right) : undefined;
    const known = loads.get(name);
    const same = loaded && (known === undefined || (known !== null && known.module === loaded.module && known.path.join('.') === loaded.path.join('.')));
    loads.set(name, same ? loaded : null);
    return undefined;
  });
  for (const [name, member] of loads) if (member) bindings.set(name, canonicalModulePath(member.module, member.path));
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
