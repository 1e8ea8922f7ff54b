import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { functionName } from '../ast/function-name';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isFunction, isInside, staticPropertyName, unwrapExpression, walkSameFunction, type FunctionNode } from '../ast/predicates';
import { executionOf, lifetimeExecutionOf } from '../lifetime/execution';
import { isHandlerRole } from '../lifetime/execution-role';
import type { Node } from '../ast/traverse';
import { growingCollectionDeclared, referencesWithAliases, type LongLivedCollection } from './long-lived-collections';

/** `(req, res, next)`, `(ctx, next)`: the shape of a request handler, for factories that make middleware. */
const REQUEST_PARAMETER = /^(req|request|ctx|context)$/;
const SECOND_HANDLER_PARAMETER = /^(res|response|reply|next)$/;

function parameterName(parameter: TSESTree.Parameter | undefined): string | undefined {
  const node = parameter?.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
  return node?.type === AST_NODE_TYPES.Identifier ? node.name : undefined;
}

function looksLikeRequestHandler(fn: FunctionNode): boolean {
  return REQUEST_PARAMETER.test(parameterName(fn.params[0]) ?? '') && SECOND_HANDLER_PARAMETER.test(parameterName(fn.params[1]) ?? '');
}

/** Module-level functions: declarations and `const f = (…) => …` / `function (…) {}`, exported or not. */
function moduleLevelFunctions(program: TSESTree.Program): FunctionNode[] {
  const functions: FunctionNode[] = [];
  for (const statement of program.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
        ? statement.declaration
        : statement;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration) functions.push(declaration);
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      const init = declarator.init && unwrapExpression(declarator.init);
      if (init && isFunction(init)) functions.push(init);
    }
  }
  return functions;
}

/** The functions `factory` returns: `return function (…) {}`, `return handler` (a local function), `return { get() {} }`. */
function returnedFunctions(factory: FunctionNode): FunctionNode[] {
  const returned: FunctionNode[] = [];
  const add = (value: TSESTree.Node | null | undefined) => {
    if (!value) return;
    const node = unwrapExpression(value);
    if (isFunction(node)) returned.push(node);
    else if (node.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of node.properties) if (property.type === AST_NODE_TYPES.Property) add(property.value);
    } else if (node.type === AST_NODE_TYPES.Identifier) {
      // `function limiter(req, res, next) {…} return limiter;`
      const local = localFunction(factory, node.name);
      if (local) returned.push(local);
    }
  };
  if (factory.body.type !== AST_NODE_TYPES.BlockStatement) add(factory.body);
  else
    walkSameFunction(factory.body, (node) => {
      if (node.type === AST_NODE_TYPES.ReturnStatement) add(node.argument);
    });
  return returned;
}

/** A function declared in `factory`'s own body under `name`. */
function localFunction(factory: FunctionNode, name: string): FunctionNode | undefined {
  if (factory.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  for (const statement of factory.body.body) {
    if (statement.type === AST_NODE_TYPES.FunctionDeclaration && statement.id?.name === name) return statement;
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init && unwrapExpression(declarator.init);
      if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name && init && isFunction(init)) return init;
    }
  }
  return undefined;
}

/** `createRateLimiter(…)` called in run-once code of this module: the function it returns lives as long as the module. */
function calledAtLoad(analysis: Analysis, factory: FunctionNode): boolean {
  const holder = factory.type === AST_NODE_TYPES.FunctionDeclaration ? factory : factory.parent?.type === AST_NODE_TYPES.VariableDeclarator ? factory.parent : undefined;
  const variable = holder && analysis.scopeManager.getDeclaredVariables(holder)[0];
  for (const reference of variable?.references ?? []) {
    const call = reference.identifier.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier && lifetimeExecutionOf(call, analysis.scopeManager).kind === 'once') return true;
  }
  return false;
}

/**
 * `export function memoryStore(options) { const records = new Map(); return { get, lock, delete } }`,
 * not called in this file: what it returns lives as long as its caller keeps it, which the file does
 * not show — like an exported class nobody here makes. A store or a client made once for the
 * application lives as long as the process; one called per request dies with it.
 */
function exportedAndNeverCalled(analysis: Analysis, factory: FunctionNode): boolean {
  const holder = factory.type === AST_NODE_TYPES.FunctionDeclaration ? factory : factory.parent?.type === AST_NODE_TYPES.VariableDeclarator ? factory.parent : undefined;
  if (!holder) return false;
  const declaration = holder.type === AST_NODE_TYPES.VariableDeclarator ? holder.parent : holder;
  const variable = analysis.scopeManager.getDeclaredVariables(holder)[0];
  const references = variable?.references.filter((reference) => !reference.init) ?? [];
  if (references.some((reference) => reference.identifier.parent?.type === AST_NODE_TYPES.CallExpression && reference.identifier.parent.callee === reference.identifier)) return false;
  const parent = declaration?.parent;
  if (parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  return references.some((reference) => isExportedName(reference.identifier));
}

/** `module.exports = { memoryStore }`, `exports.memoryStore = memoryStore`, `export { memoryStore }`. */
function isExportedName(identifier: Node): boolean {
  let current: Node = identifier;
  while (current.parent && (current.parent.type === AST_NODE_TYPES.Property || current.parent.type === AST_NODE_TYPES.ObjectExpression)) current = current.parent;
  const parent = current.parent;
  if (parent?.type === AST_NODE_TYPES.ExportSpecifier || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  if (parent?.type !== AST_NODE_TYPES.AssignmentExpression || parent.right !== current) return false;
  const target = unwrapExpression(parent.left);
  if (target.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrapExpression(target.object);
  return (object.type === AST_NODE_TYPES.Identifier && (object.name === 'module' || object.name === 'exports')) || (object.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(object) === 'exports');
}

/**
 * `server.on('connection', (socket) => connections.push(socket))` inside the function that made the
 * collection: the server's handler keeps the closure, so the collection lives as long as the server
 * serves, whoever calls the function.
 */
function inServerHandler(reference: Node, factory: FunctionNode): boolean {
  // Only a reference inside a nested function can be a handler's: the handler itself, or a listener
  // it registers (`wss.on('connection', (ws) => ws.on('message', …))`), which it keeps alive too.
  for (let fn = enclosingFunction(reference); fn && fn !== factory; fn = enclosingFunction(fn)) {
    const role = executionOf(fn.body).role;
    if (isHandlerRole(role) && role.function === fn && isInside(fn, factory)) return true;
  }
  return false;
}

/**
 * Collections a factory creates and the function it returns keeps (design: "Lifetimes propagate").
 * The closure lives as long as the function value holding it: module-lived when the factory runs at
 * module load (`const apiLimiter = createRateLimiter(…)`, a memoize wrapper applied at load), or when
 * it makes request middleware (`(req, res, next) => …`), which is mounted once at start-up; or when a
 * server's connection or request handler registered in the function keeps it. An exported factory
 * nobody here calls makes a closure whose lifetime is unknown (`exported-factory`), judged like an
 * instance of an exported class nobody here makes.
 */
/**
 * `(function (workerScript) { var callbacks = {}; window.setTimeout = function (…) { … } })('w.js')`,
 * `(() => { … })()`, `!function () { … }()` as a statement of the module: a function the module runs
 * once, at load, whose locals live on in the functions it leaves behind.
 */
function moduleLevelIifes(program: TSESTree.Program): FunctionNode[] {
  const functions: FunctionNode[] = [];
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    let expression = unwrapExpression(statement.expression);
    if (expression.type === AST_NODE_TYPES.UnaryExpression) expression = unwrapExpression(expression.argument);
    if (expression.type !== AST_NODE_TYPES.CallExpression) continue;
    const callee = unwrapExpression(expression.callee);
    if (isFunction(callee)) functions.push(callee);
  }
  return functions;
}

/** A growing collection declared by a statement of a function's own body, with every name for it. */
interface GrowingLocal {
  readonly declarator: TSESTree.VariableDeclarator;
  readonly declared: NonNullable<ReturnType<typeof growingCollectionDeclared>>;
  readonly references: Node[];
  readonly aliases: TSESTree.Identifier[];
}

function growingLocalsOf(analysis: Analysis, fn: FunctionNode): GrowingLocal[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [];
  const locals: GrowingLocal[] = [];
  for (const statement of fn.body.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      const declared = growingCollectionDeclared(analysis, declarator);
      if (!declared) continue;
      locals.push({ declarator, declared, ...referencesWithAliases(analysis, declared.variable) });
    }
  }
  return locals;
}

function closureHeld(local: GrowingLocal, holder: Extract<LongLivedCollection['holder'], { kind: 'closure' }>): LongLivedCollection {
  const { kind, init, annotation, variable } = local.declared;
  return { name: variable.name, kind, declaration: local.declarator, init, annotation, exportedByDeclaration: false, references: local.references, aliases: local.aliases, holder };
}

/** Collections declared in a module-level IIFE and used by a function made inside it, which may run any time later. */
function iifeCollections(analysis: Analysis): LongLivedCollection[] {
  return moduleLevelIifes(analysis.ast).flatMap((iife) =>
    growingLocalsOf(analysis, iife)
      .filter((local) => local.references.some((reference) => isInsideNestedFunction(reference, iife)))
      .map((local) => closureHeld(local, { kind: 'closure', factory: functionName(iife) ?? 'the module’s immediately invoked function', lifetime: 'module-iife', fn: iife })),
  );
}

function isInsideNestedFunction(node: Node, outer: FunctionNode): boolean {
  for (let current = node.parent; current && current !== outer; current = current.parent) if (isFunction(current)) return true;
  return false;
}

export function closureCollections(analysis: Analysis): LongLivedCollection[] {
  const found: LongLivedCollection[] = iifeCollections(analysis);
  for (const factory of moduleLevelFunctions(analysis.ast)) {
    if (factory.body.type !== AST_NODE_TYPES.BlockStatement) continue;
    const returned = returnedFunctions(factory);
    let returnedLifetime: 'called-at-load' | 'middleware' | 'exported-factory' | 'unknown' | undefined;
    for (const local of growingLocalsOf(analysis, factory)) {
      const references = local.references;
      // Kept by a returned function (it must be used inside one), or by a server's handler registered here.
      const keptByReturned = references.some((reference) => returned.some((fn) => isInside(reference, fn)));
      if (keptByReturned) {
        returnedLifetime ??= calledAtLoad(analysis, factory)
          ? 'called-at-load'
          : returned.some(looksLikeRequestHandler)
            ? 'middleware'
            : exportedAndNeverCalled(analysis, factory)
              ? 'exported-factory'
              : 'unknown';
      }
      // A known lifetime first: made at load, middleware, a server's handler; then an exported factory's.
      const lifetime =
        keptByReturned && (returnedLifetime === 'called-at-load' || returnedLifetime === 'middleware')
          ? returnedLifetime
          : references.some((reference) => inServerHandler(reference, factory))
            ? 'server-handler'
            : keptByReturned && returnedLifetime === 'exported-factory'
              ? returnedLifetime
              : undefined;
      if (lifetime === undefined) continue;
      found.push(closureHeld(local, { kind: 'closure', factory: functionName(factory) ?? 'the factory', lifetime, fn: factory }));
    }
  }
  return found;
}
