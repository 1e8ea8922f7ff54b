import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { isFunction, outermostWrapper, unwrapExpression } from '../ast/predicates';
import type { VariableLike } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';
import type { FunctionNode } from '../ast/predicates';
import { closureCollections } from './closure-collections';
import { instanceFields } from './instance-collections';
import { refCollections } from './ref-collections';
import type { InstanceLifetime, InstanceMaker } from './instance-lifetime';
import { annotatedKind, assertedObjectType, isGrowingKind, type CollectionKind, type GrowingKind } from './collection-kind';
import { cachingLoaderKind } from './caching-loaders';
import { strongValueDeclaredWeak } from './weak-declared-strong';

/** A Map, Set, array or index-signature object that lives as long as the module: a cache candidate. */
export interface LongLivedCollection {
  /** As messages show it: `cache`, `Registry.cache`. */
  readonly name: string;
  readonly kind: GrowingKind;
  /** A declarator (module-level, or a factory's local), a class field, or the constructor's `this.x = new Map()`. */
  readonly declaration: TSESTree.VariableDeclarator | TSESTree.PropertyDefinition | TSESTree.AssignmentExpression;
  /** The value it starts with: `new Map()`, `{}`, `[]`, `createCache()`. */
  readonly init: TSESTree.Expression;
  readonly annotation: TSESTree.TypeNode | undefined;
  /** `export const cache = …`: other modules may shrink it. */
  readonly exportedByDeclaration: boolean;
  /** Every expression that denotes the collection, aliases' references included. */
  readonly references: readonly Node[];
  /** `const byId = cache`: names that denote it too. */
  readonly aliases: readonly TSESTree.Identifier[];
  /** What keeps it alive: the module, a class (static field), an instance, or a closure. */
  readonly holder: CollectionHolder;
}

/**
 * What holds a long-lived collection, and so how long it lives: the module (a module variable or a
 * static field), an instance whose lifetime the file shows (see `InstanceLifetime`), or a closure
 * returned by a factory that runs at module load or makes middleware (design: "Lifetimes propagate").
 */
export type CollectionHolder =
  | { readonly kind: 'module' }
  | { readonly kind: 'instance'; readonly className: string; readonly lifetime: InstanceLifetime; readonly cls: InstanceMaker }
  | { readonly kind: 'closure'; readonly factory: string; readonly lifetime: 'called-at-load' | 'middleware' | 'server-handler' | 'exported-factory' | 'module-iife'; readonly fn: FunctionNode }
  /** A React ref (`useRef(new Set())`) of a component or hook: it lives as long as the component stays mounted. */
  | { readonly kind: 'component'; readonly component: string; readonly fn: FunctionNode };

/** The node that names the collection where it is declared: what findings point at. */
export function declaredNameOf(collection: LongLivedCollection): TSESTree.Node {
  const declaration = collection.declaration;
  if (declaration.type === AST_NODE_TYPES.VariableDeclarator) return declaration.id;
  if (declaration.type === AST_NODE_TYPES.PropertyDefinition) return declaration.key;
  return declaration.left;
}

/** A fresh value created here; `const cache = other.cache` is someone else's collection. */
export function createsValue(init: Node): boolean {
  const node = unwrapExpression(init);
  return (
    node.type === AST_NODE_TYPES.NewExpression ||
    node.type === AST_NODE_TYPES.CallExpression ||
    node.type === AST_NODE_TYPES.ArrayExpression ||
    node.type === AST_NODE_TYPES.ObjectExpression ||
    (node.type === AST_NODE_TYPES.AwaitExpression && node.argument.type === AST_NODE_TYPES.CallExpression)
  );
}

/** JavaScript's map: `const renders = {}`, written by computed keys (which the uses decide). */
function emptyObjectKind(init: Node): CollectionKind | undefined {
  const node = unwrapExpression(init);
  return node.type === AST_NODE_TYPES.ObjectExpression && node.properties.length === 0 && node === init ? 'record' : undefined;
}

export function kindOf(analysis: Analysis, init: Node, declared: Node, annotation: TSESTree.TypeNode | undefined): CollectionKind | undefined {
  // A DataLoader keeps every loaded key in a Map of its own, unless its options bound it.
  const loader = cachingLoaderKind(analysis, init);
  if (loader) return loader === 'unbounded' ? 'map' : 'bounded';
  const fromValue = analysis.oracle.collectionKind(init);
  if (fromValue === 'bounded' || fromValue === 'weak') return fromValue;
  // Declared a WeakMap, made a Map: the value is what holds the keys.
  const strong = strongValueDeclaredWeak(analysis, init, declared, annotation);
  if (strong) return strong;
  // Typed: the declared type covers annotations, aliases (`type Users = Record<string, User>`) and factories.
  const fromDeclaration = analysis.oracle.typed ? analysis.oracle.collectionKind(declared) : annotatedKind(annotation ?? assertedObjectType(init));
  return fromDeclaration ?? fromValue ?? (annotation ? undefined : emptyObjectKind(init));
}

/** `const alias = cache` (anywhere in the module): the alias's references denote the collection too. */
export function referencesWithAliases(analysis: Analysis, variable: VariableLike): { references: Node[]; aliases: TSESTree.Identifier[] } {
  const references: Node[] = [];
  const aliases: TSESTree.Identifier[] = [];
  const seen = new Set<VariableLike>();
  const visit = (current: VariableLike) => {
    if (seen.has(current)) return;
    seen.add(current);
    for (const reference of current.references) {
      if (reference.init) continue;
      const identifier = reference.identifier as TSESTree.Identifier;
      const declarator = outermostWrapper(identifier).parent;
      if (
        declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
        declarator.init &&
        unwrapExpression(declarator.init) === identifier &&
        declarator.id.type === AST_NODE_TYPES.Identifier
      ) {
        aliases.push(declarator.id);
        for (const alias of analysis.scopeManager.getDeclaredVariables(declarator)) visit(alias);
        continue;
      }
      references.push(identifier);
    }
  };
  visit(variable);
  return { references, aliases };
}

/** `const name = <a new collection that may grow>`: what a module variable or a closure's local declares. */
export function growingCollectionDeclared(
  analysis: Analysis,
  declarator: TSESTree.VariableDeclarator,
): { kind: GrowingKind; init: TSESTree.Expression; annotation: TSESTree.TypeNode | undefined; variable: VariableLike } | undefined {
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init || !createsValue(declarator.init)) return undefined;
  const annotation = declarator.id.typeAnnotation?.typeAnnotation;
  const kind = kindOf(analysis, declarator.init, declarator.id, annotation);
  if (!isGrowingKind(kind)) return undefined;
  const variable = analysis.scopeManager.getDeclaredVariables(declarator)[0];
  return variable ? { kind, init: declarator.init, annotation, variable } : undefined;
}

/**
 * `let cache: Map<K, V> | undefined;` filled lazily, `cache ??= new Map()` (or `||=`) in the function
 * that grows it: as long-lived as a module variable made at load. The lazy assignment is its creation,
 * not a reassignment that drops entries.
 */
function lazilyInitialised(analysis: Analysis, declarator: TSESTree.VariableDeclarator): Omit<LongLivedCollection, 'exportedByDeclaration'> | undefined {
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const init = declarator.init ? unwrapExpression(declarator.init) : undefined;
  if (init && !(init.type === AST_NODE_TYPES.Identifier && init.name === 'undefined') && !(init.type === AST_NODE_TYPES.Literal && init.value === null)) return undefined;
  const variable = analysis.scopeManager.getDeclaredVariables(declarator)[0];
  if (!variable) return undefined;
  const lazyAssignments = variable.references
    .map((reference) => outermostWrapper(reference.identifier as Node).parent)
    .filter((parent): parent is TSESTree.AssignmentExpression => parent?.type === AST_NODE_TYPES.AssignmentExpression && (parent.operator === '??=' || parent.operator === '||=') && createsValue(parent.right));
  const first = lazyAssignments[0];
  if (!first) return undefined;
  const kind = kindOf(analysis, first.right, first.right, undefined);
  if (!isGrowingKind(kind)) return undefined;
  const { references, aliases } = referencesWithAliases(analysis, variable);
  return {
    name: variable.name,
    kind,
    declaration: declarator,
    init: first.right,
    annotation: declarator.id.typeAnnotation?.typeAnnotation,
    // `(cache ??= new Map()).set(k, v)`: the assignment denotes the collection too.
    references: references.map((reference) => lazyAssignments.find((assignment) => outermostWrapper(reference).parent === assignment) ?? reference),
    aliases,
    holder: { kind: 'module' },
  };
}

function moduleVariables(analysis: Analysis): LongLivedCollection[] {
  const found: LongLivedCollection[] = [];
  for (const statement of analysis.ast.body) {
    const exported = statement.type === AST_NODE_TYPES.ExportNamedDeclaration;
    const declaration = exported ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      const lazy = lazilyInitialised(analysis, declarator);
      if (lazy) {
        found.push({ ...lazy, exportedByDeclaration: exported });
        continue;
      }
      const declared = growingCollectionDeclared(analysis, declarator);
      if (!declared) continue;
      const { kind, init, annotation, variable } = declared;
      found.push({
        name: variable.name,
        kind,
        declaration: declarator,
        init,
        annotation,
        exportedByDeclaration: exported,
        ...referencesWithAliases(analysis, variable),
        holder: { kind: 'module' },
      });
    }
  }
  return found;
}

export function fieldName(key: TSESTree.Node): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  return undefined;
}

/** `this` in static code of `classBody`: a static method, static block or static field initialiser. */
function isStaticThis(node: TSESTree.ThisExpression, classBody: TSESTree.ClassBody): boolean {
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (isFunction(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
      const method = current.parent;
      return method?.type === AST_NODE_TYPES.MethodDefinition && method.static && method.parent === classBody;
    }
    if (current.type === AST_NODE_TYPES.StaticBlock) return current.parent === classBody;
    if (current.type === AST_NODE_TYPES.PropertyDefinition) return current.static && current.parent === classBody;
  }
  return false;
}

/** `static cache = new Map()` of a module-level class, referenced as `Registry.cache` or `this.cache` in static code. */
function staticFields(analysis: Analysis): LongLivedCollection[] {
  const found: LongLivedCollection[] = [];
  for (const statement of analysis.ast.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
        ? statement.declaration
        : statement;
    if (declaration?.type !== AST_NODE_TYPES.ClassDeclaration || !declaration.id) continue;
    const className = declaration.id.name;
    for (const element of declaration.body.body) {
      if (element.type !== AST_NODE_TYPES.PropertyDefinition || !element.static || element.computed || !element.value) continue;
      const name = fieldName(element.key);
      if (name === undefined || !createsValue(element.value)) continue;
      const annotation = element.typeAnnotation?.typeAnnotation;
      const kind = kindOf(analysis, element.value, element.key, annotation);
      if (!isGrowingKind(kind)) continue;
      const references: Node[] = [];
      walk(analysis.ast, (node) => {
        if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || fieldName(node.property) !== name) return;
        const object = node.object;
        if (
          (object.type === AST_NODE_TYPES.Identifier && object.name === className) ||
          (object.type === AST_NODE_TYPES.ThisExpression && isStaticThis(object, declaration.body))
        ) {
          references.push(node);
        }
      });
      found.push({
        name: `${className}.${name}`,
        kind,
        declaration: element,
        init: element.value,
        annotation,
        exportedByDeclaration: statement !== declaration && !name.startsWith('#') && element.accessibility !== 'private',
        references,
        aliases: [],
        holder: { kind: 'module' },
      });
    }
  }
  return found;
}

/**
 * Module-scope and static collections (what lives as long as the process), fields of long-lived
 * instances, and closures of module-lived functions. Other function locals die with their call.
 */
export function findLongLivedCollections(analysis: Analysis): LongLivedCollection[] {
  return [...moduleVariables(analysis), ...staticFields(analysis), ...instanceFields(analysis), ...closureCollections(analysis), ...refCollections(analysis)];
}
