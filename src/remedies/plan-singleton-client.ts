import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { unwrapExpression, type FunctionNode } from '../ast/predicates';
import { nodeIndexOf } from '../ast/node-index';
import { findVariable, isModuleScope } from '../ast/scopes';
import { standaloneStatementOf } from '../ast/standalone-statement';
import { statementListOf } from '../ast/statement-lists';
import { writesTypeScript } from '../ast/typescript-syntax';
import { walk, type Node } from '../ast/traverse';
import type { Refusal, Remedy } from '../findings/finding';
import type { SingletonClientPlan, SingletonClientSite } from './singleton-client-plan';
import type { WrapInTryFinallyPlan } from './try-finally-plan';
import { planTryFinally, type TryFinallySite } from './plan-try-finally';
import { isUsedOnlyUntilReturn } from './close-where-made';
import type { Execution } from '../lifetime/execution';
import type { AcquisitionBinding } from '../ownership/acquisition-binding';
import type { ResourceEntry } from '../registry/resource-entry';
import { moduleSystemOf, usesSemicolons } from '../fix/source-style';
import { findSharedGetter, findSharedKeyedGetter, normalize } from './shared-getter';
import { instanceStateWrite } from './instance-state-writes';
import { memoisableFactory, type MemoisableFactory } from './memoised-factory-method';
import { closureOfConstants } from './closure-constants';
import { callerFallbackOf } from './caller-fallback';
import { connectShapeOf, listenerAddedPerCall, type ConnectShape } from './connect-once';
import { heldClients } from '../oracle/client-holders';
import { endsField } from '../ownership/field-releases';
import { primitiveLocalType } from './string-locals';
import { assembledLocal, isSettledExpression } from './assembled-locals';
import { optionsHelperParameters } from './options-helpers';
import { constantParameter } from './constant-parameters';
import { otherCacheWrite } from './cache-writes';
import { destructuredPath } from './destructured-paths';
import { calledOnlyHere, singleCallerFactory } from './single-caller-factory';
import { carriedClientOf, unusedPickOf } from './carried-client';
import { callbackCloseRefusal } from './callback-close-place';
import type { LateCacheFill } from '../ownership/cache-filled-after-await';
import { connectedClientText, connectRefusal } from './connected-client-text';

export interface ClientSite {
  readonly acquisition: Node;
  readonly owner: FunctionNode;
  readonly entry: ResourceEntry;
  readonly execution: Execution;
  readonly binding: AcquisitionBinding;
  readonly releases: readonly Node[];
  /** Closed inside a callback (`db.query(sql, () => db.end())`): a close the plan cannot remove. */
  readonly closedInCallback?: boolean;
  /**
   * The conditional the acquisition is a branch of (`tls ? createClient(a) : createClient(b)`): the
   * whole choice moves into the getter when it reads no value of the call.
   */
  readonly conditional?: Node;
  /**
   * The client arrives in this callback (`MongoClient.connect(url, (err, db) => …)`): the getter keeps
   * the promise form's client and `util.callbackify` hands it to the same callback.
   */
  readonly callback?: FunctionNode;
  /**
   * A get-or-create that stores the client in its cache only after connecting (see
   * cache-filled-after-await): concurrent callers each connect one. The connect itself becomes the
   * keyed getter's shared promise, so they all get the one client, when nothing else writes the cache.
   */
  readonly lateFill?: LateCacheFill;
  /** Returned by a factory of this file to its one caller (see single-caller-factory): kept there, one per key. */
  readonly returnedByFactory?: boolean;
  /**
   * The client as the try-finally planner sees it, when closing it on every path where it is made would
   * quiet the rule (the code is not a hot path: closed per call is churn only there). Read only when
   * sharing is refused because the client is made from values of the call.
   */
  readonly closeWhereMade?: () => TryFinallySite | undefined;
}

const refuse = (reason: string): Remedy<SingletonClientPlan> => ({ kind: 'refusal', reason });

/** Refused because the client is made from values of the call: no one client can serve every caller. */
interface CallValuesRefusal extends Refusal {
  readonly madeFromCallValues: true;
}

const refuseSharing = (reason: string): CallValuesRefusal => ({ kind: 'refusal', reason, madeFromCallValues: true });

function isCallValuesRefusal(remedy: Remedy): remedy is CallValuesRefusal {
  return remedy.kind === 'refusal' && (remedy as Partial<CallValuesRefusal>).madeFromCallValues === true;
}

/** The registry's method that closes the client, if it names one (a `[Symbol.dispose]` is not called by name). */
function closeMethodOf(entry: ResourceEntry): SingletonClientPlan['release'] {
  const release = entry.releases.find((candidate): candidate is { method: string; async?: boolean } => 'method' in candidate && !candidate.method.startsWith('['));
  return release ? { method: release.method, async: release.async === true } : undefined;
}

/** `factory`-like prefixes that say how a client is made, not what it is: `dialBilling()` → `billing`. */
const MAKER_PREFIX = /^(create|dial|new|make|connect|open|build|get)(?=[A-Z])/;

const upperFirst = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

/** `grpc.Client`, `Pool`, `clients.billing.Billing`: a dotted name, or undefined for anything else. */
function entityName(node: Node): string[] | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return [node.name];
  if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier) {
    const object = entityName(node.object);
    return object ? [...object, node.property.name] : undefined;
  }
  return undefined;
}

/** The first identifier in `expression` whose value is decided per call, if any (a per-tenant address). */
function perCallValue(analysis: Analysis, expression: Node, thisIsShared = false): string | undefined {
  let found: string | undefined;
  walk(expression, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.ThisExpression) found = thisIsShared ? undefined : 'this';
    else if (node.type === AST_NODE_TYPES.Super) found = 'super';
    else if (node.type === AST_NODE_TYPES.AwaitExpression) found = 'await';
    else if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed) {
      walkInto(node.object);
      return false;
    } else if (node.type === AST_NODE_TYPES.Property && !node.computed) {
      walkInto(node.value);
      return false;
    } else if (node.type === AST_NODE_TYPES.Identifier) {
      if (node.name === 'arguments') found = 'arguments';
      const variable = findVariable(analysis.scopeManager, node);
      const scope = variable?.scope.type;
      // Unresolved names are globals (`process`); module and global scope live as long as the process.
      if (variable && scope !== 'module' && scope !== 'global') found = node.name;
    }
    return undefined;
  });
  function walkInto(child: Node): void {
    if (found) return;
    found = perCallValue(analysis, child, thisIsShared);
  }
  return found;
}

export interface Substitution {
  readonly identifier: TSESTree.Identifier;
  /** The local's declaration; none for a parameter every caller fills with the same constant. */
  readonly declarator: TSESTree.VariableDeclarator | undefined;
  /** The initialiser as an operand: parenthesised unless it is one already. */
  readonly text: string;
  /** The initialiser as written, for a place that takes any expression (a property value, an argument). */
  readonly raw: string;
}

/**
 * The per-call names the acquisition reads, resolved: a function-local `const` whose initialiser reads
 * only module-level values and calls nothing (dadi's `const url = \`mongodb://${config.database.host}\``)
 * is the same on every call, so its initialiser can move into the getter. Anything else is per call.
 */
function inlinableLocals(analysis: Analysis, acquisition: Node): { perCall: string } | { substitutions: Substitution[] } {
  const direct = perCallValue(analysis, acquisition);
  if (!direct) return { substitutions: [] };
  const substitutions: Substitution[] = [];
  let perCall: string | undefined;
  walk(acquisition, (node) => {
    if (perCall) return false;
    if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed) {
      walkIdentifiers(node.object);
      return false;
    }
    if (node.type === AST_NODE_TYPES.Property && !node.computed) {
      walkIdentifiers(node.value);
      return false;
    }
    if (node.type !== AST_NODE_TYPES.Identifier) {
      const own = node.type === AST_NODE_TYPES.ThisExpression || node.type === AST_NODE_TYPES.Super || node.type === AST_NODE_TYPES.AwaitExpression;
      if (own) perCall = perCallValue(analysis, node);
      return undefined;
    }
    const name = perCallValue(analysis, node);
    if (!name) return undefined;
    const substitution = constantFromModuleValues(analysis, node) ?? constantParameter(analysis, node, constantArgumentText);
    if (substitution) substitutions.push(substitution);
    else perCall = name;
    return undefined;
  });
  function walkIdentifiers(child: Node): void {
    if (perCall) return;
    const inner = inlinableLocals(analysis, child);
    if ('perCall' in inner) perCall = inner.perCall;
    else substitutions.push(...inner.substitutions);
  }
  return perCall ? { perCall } : { substitutions };
}

/** `const url = <expression of module-level values, no calls>` declared in the function: its text, as an operand. */
function constantFromModuleValues(analysis: Analysis, identifier: TSESTree.Identifier): Substitution | undefined {
  const variable = findVariable(analysis.scopeManager, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const declarator = definition?.node;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  if (declarator.parent.kind !== 'const') return undefined;
  const init = declarator.init;
  let pure = true;
  walk(init, (node) => {
    if (!pure) return false;
    if (
      node.type === AST_NODE_TYPES.CallExpression ||
      node.type === AST_NODE_TYPES.NewExpression ||
      node.type === AST_NODE_TYPES.AwaitExpression ||
      node.type === AST_NODE_TYPES.YieldExpression ||
      node.type === AST_NODE_TYPES.AssignmentExpression ||
      node.type === AST_NODE_TYPES.UpdateExpression ||
      node.type === AST_NODE_TYPES.TaggedTemplateExpression ||
      node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      node.type === AST_NODE_TYPES.FunctionExpression
    ) {
      pure = false;
    }
    return undefined;
  });
  if (!pure || perCallValue(analysis, init)) return undefined;
  const text = analysis.sourceText.slice(init.range[0], init.range[1]);
  const operand =
    init.type === AST_NODE_TYPES.Identifier || init.type === AST_NODE_TYPES.Literal || init.type === AST_NODE_TYPES.TemplateLiteral || init.type === AST_NODE_TYPES.MemberExpression
      ? text
      : `(${text})`;
  return { identifier, declarator, text: operand, raw: init.type === AST_NODE_TYPES.SequenceExpression ? operand : text };
}

/** A caller's argument as the getter can say it: its locals of module-level values written out; undefined when it reads the call. */
function constantArgumentText(analysis: Analysis, argument: Node): string | undefined {
  const inlined = inlinableLocals(analysis, argument);
  return 'perCall' in inlined ? undefined : substituted(analysis.sourceText, argument, inlined.substitutions);
}

/** The acquisition's text with the substitutions written in (`{ url }` becomes `{ url: … }`). */
function substituted(source: string, acquisition: Node, substitutions: readonly Substitution[]): string {
  let text = source.slice(acquisition.range[0], acquisition.range[1]);
  for (const substitution of [...substitutions].sort((a, b) => b.identifier.range[0] - a.identifier.range[0])) {
    const start = substitution.identifier.range[0] - acquisition.range[0];
    const end = substitution.identifier.range[1] - acquisition.range[0];
    const property = substitution.identifier.parent;
    const shorthand = property?.type === AST_NODE_TYPES.Property && property.shorthand;
    const standsAlone = shorthand || takesAnyExpression(substitution.identifier);
    const value = standsAlone ? substitution.raw : substitution.text;
    text = text.slice(0, start) + (shorthand ? `${substitution.identifier.name}: ${value}` : value) + text.slice(end);
  }
  return text;
}

/** `{ url: <here> }`, `f(<here>)`, `[<here>]`, `${<here>}`: no operator binds the value to its neighbours. */
function takesAnyExpression(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.Property) return parent.value === identifier;
  if (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) return parent.arguments.includes(identifier);
  return parent?.type === AST_NODE_TYPES.ArrayExpression || parent?.type === AST_NODE_TYPES.TemplateLiteral;
}

/** The substituted constants' declarations that nothing outside the acquisition reads. */
function unreadDeclarations(analysis: Analysis, acquisition: Node, substitutions: readonly Substitution[]): TSESTree.VariableDeclaration[] {
  const declarations = new Set<TSESTree.VariableDeclaration>();
  for (const { declarator } of substitutions) {
    if (!declarator) continue;
    const declaration = declarator.parent;
    if (declaration.declarations.length !== 1 || !statementListOf(declaration.parent)) continue;
    const variable = analysis.scopeManager.getDeclaredVariables(declarator)[0];
    const readElsewhere = variable?.references.some((reference) => !reference.init && (reference.identifier.range[0] < acquisition.range[0] || reference.identifier.range[1] > acquisition.range[1]));
    if (variable && !readElsewhere) declarations.add(declaration);
  }
  return [...declarations];
}

/** Picks of `const { databaseUri } = connection` written into the getter as paths that nothing outside the acquisition reads. */
function unreadPicks(analysis: Analysis, acquisition: Node, substitutions: readonly Substitution[]): { unusedPicks?: TSESTree.Property[] } {
  const picks = new Set<TSESTree.Property>();
  for (const { identifier, declarator } of substitutions) {
    const definition = declarator ? undefined : findVariable(analysis.scopeManager, identifier)?.defs[0];
    const pick = definition?.type === 'Variable' ? definition.name.parent : undefined;
    if (pick?.type !== AST_NODE_TYPES.Property || pick.parent.type !== AST_NODE_TYPES.ObjectPattern) continue;
    const variable = findVariable(analysis.scopeManager, identifier);
    const readElsewhere = variable?.references.some((reference) => !reference.init && (reference.identifier.range[0] < acquisition.range[0] || reference.identifier.range[1] > acquisition.range[1]));
    if (variable && !readElsewhere) picks.add(pick);
  }
  return picks.size > 0 ? { unusedPicks: [...picks] } : {};
}

/**
 * What tells the clients of a per-call acquisition apart: the values of the call it reads, each a
 * property path off a per-call variable (`mysqlServer.host`, `connection.connection_string`). A bare
 * variable, `this` or an `await` is refused: an object as a key would be a new key on every call.
 * Two shapes are seen through: a template literal is a string whatever it interpolates, so it is a
 * key as it is (`\`redis://${host}:${port}\``); options the function assembled in a `const`
 * from values of the call (see assembled-locals) are written into the getter, keyed by the values
 * they read (those locals come back as substitutions); and a module-level helper that arranges
 * options (see options-helpers) is keyed by the properties it destructures.
 */
function keyOf(analysis: Analysis, acquisition: Node): Keying {
  const leaves: string[] = [];
  const parameters = new Set<string>();
  const substitutions: Substitution[] = [];
  let refused = false;
  let blocker: Node | undefined;
  const block = (node: Node) => {
    refused = true;
    blocker ??= node;
  };
  const addLeaf = (text: string) => {
    if (!leaves.includes(text)) leaves.push(text);
  };
  const visit = (expression: Node, assembling: boolean): void => {
    walk(expression, (node) => {
      if (refused) return false;
      if (node.type === AST_NODE_TYPES.ThisExpression || node.type === AST_NODE_TYPES.Super || node.type === AST_NODE_TYPES.AwaitExpression) {
        block(node);
        return false;
      }
      if (node.type === AST_NODE_TYPES.MemberExpression) {
        const root = propertyPathRoot(node);
        if (root && perCallValue(analysis, root)) {
          addLeaf(analysis.sourceText.slice(node.range[0], node.range[1]));
          parameters.add(root.name);
          return false;
        }
        if (!node.computed) {
          visit(node.object, assembling);
          return false;
        }
        return undefined;
      }
      if (node.type === AST_NODE_TYPES.Property && !node.computed) {
        visit(node.value, assembling);
        return false;
      }
      // `getTransport(user)`, a helper arranging options: keyed by what it destructures (`user.email`).
      const helper = node.type === AST_NODE_TYPES.CallExpression && node !== acquisition ? optionsHelperParameters(analysis, node) : undefined;
      if (helper && node.type === AST_NODE_TYPES.CallExpression) {
        node.arguments.forEach((argument, index) => {
          const parameter = helper[index];
          if ('whole' in parameter || !perCallValue(analysis, argument)) return visit(argument, assembling);
          const root = argument.type === AST_NODE_TYPES.Identifier ? argument : argument.type === AST_NODE_TYPES.MemberExpression ? propertyPathRoot(argument) : undefined;
          if (!root) block(argument);
          else {
            const text = analysis.sourceText.slice(argument.range[0], argument.range[1]);
            for (const property of parameter.properties) addLeaf(`${text}${parameter.optional ? '?.' : '.'}${property}`);
            parameters.add(root.name);
          }
        });
        return false;
      }
      // `${host}` with `host` of no known type: the template is a string all the same.
      const interpolatesObject = (part: Node) => part.type === AST_NODE_TYPES.Identifier && perCallValue(analysis, part) !== undefined && !keyedAsItIs(analysis, part);
      if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.some(interpolatesObject) && isSettledExpression(node)) {
        addLeaf(analysis.sourceText.slice(node.range[0], node.range[1]));
        for (const root of perCallRoots(analysis, node)) parameters.add(root.name);
        return false;
      }
      if (node.type === AST_NODE_TYPES.Identifier && perCallValue(analysis, node)) {
        // A parameter declared a string or number (`connectionString: string`) is a key as it is, and
        // so is a local that can only hold a string (`var url = 'mongodb://' + host`).
        if (keyedAsItIs(analysis, node)) {
          addLeaf(node.name);
          parameters.add(node.name);
          return undefined;
        }
        // `const { databaseUri } = connection`: keyed as the path it picks out, read from the root in the getter.
        const picked = destructuredPath(analysis, node);
        if (picked && perCallValue(analysis, picked.root)) {
          addLeaf(picked.path);
          parameters.add(picked.root.name);
          substitutions.push({ identifier: node, declarator: undefined, text: picked.path, raw: picked.path });
          return undefined;
        }
        // Options assembled from the call's values: their values key the map (one level deep).
        // `const options = agentOptionsFor(settings)`: a helper's options, keyed by what it reads of the call.
        const assembled = assembling ? undefined : assembledLocal(analysis, node, (init) => isOptionsHelperCall(analysis, init));
        if (!assembled?.init) block(node);
        else {
          const init = assembled.init;
          const text = analysis.sourceText.slice(init.range[0], init.range[1]);
          // `options?.proxy && …`: an optional chain reads alike without parentheses, unless something is read off it.
          const chainStandsAlone = init.type === AST_NODE_TYPES.ChainExpression && !readOff(node);
          const operand = init.type === AST_NODE_TYPES.ObjectExpression || init.type === AST_NODE_TYPES.ArrayExpression || init.type === AST_NODE_TYPES.TemplateLiteral || init.type === AST_NODE_TYPES.MemberExpression || init.type === AST_NODE_TYPES.Literal || chainStandsAlone;
          substitutions.push({ identifier: node, declarator: assembled, text: operand ? text : `(${text})`, raw: text });
          visit(init, true);
        }
      }
      return undefined;
    });
  };
  visit(acquisition, false);
  if (refused || leaves.length === 0) return { blocker };
  return {
    key: {
      parameters: [...parameters],
      key: leaves.length === 1 ? leaves[0] : `JSON.stringify([${leaves.join(', ')}])`,
      multiple: leaves.length > 1,
      parameterTypes: undefined,
      keyType: undefined,
    },
    substitutions,
  };
}

/** `proxy.host`, `proxy()`: a property or a call is read off the identifier. */
function readOff(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  return (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) || (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier);
}

/** `agentOptionsFor(settings)`: a call of an options helper (see options-helpers) with settled arguments. */
function isOptionsHelperCall(analysis: Analysis, init: Node): boolean {
  return init.type === AST_NODE_TYPES.CallExpression && init.arguments.every(isSettledExpression) && optionsHelperParameters(analysis, init) !== undefined;
}

/** A string or number parameter, or a local that can only hold a string: compared by content. */
function keyedAsItIs(analysis: Analysis, identifier: TSESTree.Identifier): boolean {
  return primitiveParameterType(analysis, identifier) !== undefined || primitiveLocalType(analysis, identifier) !== undefined;
}

/** The per-call variables `expression` reads, as themselves or as the roots of property paths. */
function perCallRoots(analysis: Analysis, expression: Node): TSESTree.Identifier[] {
  const roots: TSESTree.Identifier[] = [];
  walk(expression, (node) => {
    if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed) {
      roots.push(...perCallRoots(analysis, node.object));
      return false;
    }
    if (node.type === AST_NODE_TYPES.Identifier && perCallValue(analysis, node) && !roots.some((root) => root.name === node.name)) roots.push(node);
    return undefined;
  });
  return roots;
}

type Key = NonNullable<SingletonClientPlan['keyed']>;

/** `grpc.loadPackageDefinition` in `grpc.loadPackageDefinition(definition)[name]`: what a long initialiser calls first. */
function firstCallee(analysis: Analysis, expression: Node): string | undefined {
  let callee: Node | undefined;
  walk(expression, (node) => {
    if (callee) return false;
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) callee = node.callee;
    return undefined;
  });
  return callee && normalize(analysis.sourceText.slice(callee.range[0], callee.range[1]));
}

/** `tls ? new Redis(a) : new Redis(b)`: every branch makes a client (nested choices too), so one map can hold them. */
function choosesOnlyClients(conditional: Node): boolean {
  if (conditional.type === AST_NODE_TYPES.ConditionalExpression) return choosesOnlyClients(conditional.consequent) && choosesOnlyClients(conditional.alternate);
  return conditional.type === AST_NODE_TYPES.NewExpression || conditional.type === AST_NODE_TYPES.CallExpression;
}

/** A key for the clients of a per-call acquisition, or the value of the call that cannot be one. */
type Keying = { readonly key: Key; readonly substitutions: Substitution[] } | { readonly blocker: Node | undefined };

/**
 * Why a per-call value cannot key a map of clients, for the marker a person reads: an object (a new
 * key on every call, and leakguard cannot tell which of its values make a client different), a value
 * computed by a call (running it again in a getter could differ or act twice), `this`, an `await`.
 */
function perCallValueText(analysis: Analysis, blocker: Node | undefined, fallback: string): string {
  if (blocker?.type === AST_NODE_TYPES.ThisExpression) return '`this`, a value of this call';
  if (blocker?.type === AST_NODE_TYPES.AwaitExpression) return 'an `await`, a value of this call';
  if (blocker?.type !== AST_NODE_TYPES.Identifier) return `\`${fallback}\`, a value of this call`;
  const definition = findVariable(analysis.scopeManager, blocker)?.defs[0];
  if (definition?.type === 'Parameter') {
    const typed = definition.name.type === AST_NODE_TYPES.Identifier && definition.name.typeAnnotation !== undefined;
    // An object as a key is a new key on every call; which of its values tell clients apart is the caller's knowledge.
    return typed
      ? `\`${blocker.name}\`, a parameter that holds an object (which of its values tell clients apart is not written down)`
      : `\`${blocker.name}\`, a parameter whose type is not written down (an object would be a new key on every call)`;
  }
  const init = definition?.node.type === AST_NODE_TYPES.VariableDeclarator ? definition.node.init : undefined;
  if (init && !isSettledExpression(init)) {
    const code = normalize(analysis.sourceText.slice(init.range[0], init.range[1]));
    return `\`${blocker.name}\`, computed per call by \`${code.length <= 60 ? code : `${firstCallee(analysis, init) ?? '…'}(…)`}\``;
  }
  return `\`${blocker.name}\`, a value of this call`;
}

const PRIMITIVE_TYPES = new Set<string>([AST_NODE_TYPES.TSStringKeyword, AST_NODE_TYPES.TSNumberKeyword, AST_NODE_TYPES.TSBigIntKeyword, AST_NODE_TYPES.TSBooleanKeyword]);

/** The annotation of a parameter declared `string`/`number`/`bigint`/`boolean` (or a union of their literals); else undefined. */
function primitiveParameterType(analysis: Analysis, identifier: TSESTree.Identifier): TSESTree.TypeNode | undefined {
  const definition = findVariable(analysis.scopeManager, identifier)?.defs[0];
  const parameter = definition?.type === 'Parameter' ? definition.name : undefined;
  const annotation =
    parameter?.type === AST_NODE_TYPES.Identifier && !parameter.optional ? (parameter.typeAnnotation?.typeAnnotation ?? destructuredMemberAnnotation(analysis, parameter)) : undefined;
  if (!annotation) return undefined;
  const primitive = (type: TSESTree.TypeNode): boolean =>
    PRIMITIVE_TYPES.has(type.type) || type.type === AST_NODE_TYPES.TSLiteralType || (type.type === AST_NODE_TYPES.TSUnionType && type.types.every(primitive));
  return primitive(annotation) ? annotation : undefined;
}

/**
 * The key's types, read from what the source already says: each parameter of the getter is a
 * parameter of the function with a type annotation that names only module-level or global types, and
 * the key is `ServerConfig['host']` for one property path, `string` for several (`JSON.stringify`).
 * Undefined when any of that is missing: leakguard does not invent types.
 */
function withKeyTypes(analysis: Analysis, acquisition: Node, key: Key, substitutions: readonly Substitution[]): Key | undefined {
  const parameterTypes: string[] = [];
  const rootTypes = new Map<string, TSESTree.TypeNode>();
  const localTypes = new Map<string, 'string' | 'boolean'>();
  // A root may be read only by options the function assembled (see keyOf).
  const readers = [acquisition, ...substitutions.flatMap(({ declarator }) => (declarator?.init ? [declarator.init] : []))];
  for (const name of key.parameters) {
    const reference = readers.map((reader) => findIdentifierIn(reader, name)).find((found) => found !== undefined);
    const definition = reference ? findVariable(analysis.scopeManager, reference)?.defs[0] : undefined;
    const parameter = definition?.type === 'Parameter' ? definition.name : undefined;
    const annotation = parameter?.type === AST_NODE_TYPES.Identifier ? parameter.typeAnnotation?.typeAnnotation : undefined;
    const localType = !annotation && reference ? primitiveLocalType(analysis, reference) : undefined;
    if (localType) {
      parameterTypes.push(`${name}: ${localType}`);
      localTypes.set(name, localType);
      continue;
    }
    // `({ host, port }: Peer)`: a member of the destructured parameter's written type, `Peer['host']`.
    const member = !annotation && parameter ? destructuredMemberType(analysis, parameter) : undefined;
    if (member) {
      parameterTypes.push(`${name}: ${member}`);
      continue;
    }
    if (!annotation || !namesOnlyModuleTypes(analysis, annotation)) return undefined;
    const text = analysis.sourceText.slice(annotation.range[0], annotation.range[1]);
    // `settings?: CallSettings`: the getter is always passed the caller's value, which may be missing.
    const optional = parameter?.type === AST_NODE_TYPES.Identifier && parameter.optional;
    parameterTypes.push(`${name}: ${text}${optional ? ' | undefined' : ''}`);
    if (!optional) rootTypes.set(name, annotation);
  }
  let keyType = 'string';
  const lone = key.parameters.length === 1 && key.key === key.parameters[0] ? localTypes.get(key.key) : undefined;
  if (!key.multiple && lone) keyType = lone;
  // A string local is its own key, and so is a template literal: `string` already.
  const stringKey = key.key.startsWith('`') || lone !== undefined;
  if (!key.multiple && !stringKey) {
    const steps = key.key.split('.').map((step) => step.trim());
    const rootType = rootTypes.get(steps[0]);
    if (!rootType || key.key.includes('?') || steps.some((step) => !/^[A-Za-z_$][\w$]*$/.test(step))) return undefined;
    keyType = propertyTypeText(analysis.sourceText, rootType, steps.slice(1));
  }
  return { ...key, parameterTypes, keyType };
}

/**
 * `host` in `({ host, database }: Tenant)` with `interface Tenant { host: string; … }` in this module (or
 * an inline `{ host: string }`): the member's written type, when it is required.
 */
function destructuredMemberAnnotation(analysis: Analysis, name: TSESTree.Identifier): TSESTree.TypeNode | undefined {
  const property = name.parent;
  const pattern = property?.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== name || property.computed || pattern?.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  if (property.key.type !== AST_NODE_TYPES.Identifier) return undefined;
  const key = property.key.name;
  const written = pattern.typeAnnotation?.typeAnnotation;
  let members: readonly TSESTree.TypeElement[] | undefined;
  if (written?.type === AST_NODE_TYPES.TSTypeLiteral) members = written.members;
  else if (written?.type === AST_NODE_TYPES.TSTypeReference && written.typeName.type === AST_NODE_TYPES.Identifier && !written.typeArguments) {
    const typeName = written.typeName.name;
    for (const statement of analysis.ast.body) {
      const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
      if (declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration && declaration.id.name === typeName && declaration.extends.length === 0) members = declaration.body.body;
      if (declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration && declaration.id.name === typeName && declaration.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral) members = declaration.typeAnnotation.members;
    }
  }
  const member = members?.find(
    (candidate): candidate is TSESTree.TSPropertySignature =>
      candidate.type === AST_NODE_TYPES.TSPropertySignature && !candidate.computed && candidate.key.type === AST_NODE_TYPES.Identifier && candidate.key.name === key && !candidate.optional,
  );
  return member?.typeAnnotation?.typeAnnotation;
}

/**
 * `host` in `({ host, port }: Peer)`, Peer a type of this module: `Peer['host']`, the member's type as
 * the source wrote it. Undefined for a renamed, defaulted or nested binding, or another kind of type.
 */
function destructuredMemberType(analysis: Analysis, name: TSESTree.Identifier): string | undefined {
  const property = name.parent;
  const pattern = property?.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== name || property.computed || pattern?.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  if (property.key.type !== AST_NODE_TYPES.Identifier || property.key.name !== name.name) return undefined;
  const annotation = pattern.typeAnnotation?.typeAnnotation;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference || annotation.typeArguments || !namesOnlyModuleTypes(analysis, annotation)) return undefined;
  return `${analysis.sourceText.slice(annotation.range[0], annotation.range[1])}['${name.name}']`;
}

/**
 * The type of `root.a.b` in words the source used: through inline object types their members'
 * annotations (`{ address: string }` → `string`), past a named type an indexed access (`Tenant['address']`).
 */
function propertyTypeText(source: string, type: TSESTree.TypeNode, steps: readonly string[]): string {
  let current = type;
  let index = 0;
  for (; index < steps.length && current.type === AST_NODE_TYPES.TSTypeLiteral; index++) {
    const member = current.members.find(
      (candidate): candidate is TSESTree.TSPropertySignature =>
        candidate.type === AST_NODE_TYPES.TSPropertySignature && candidate.key.type === AST_NODE_TYPES.Identifier && candidate.key.name === steps[index] && !candidate.optional,
    );
    const memberType = member?.typeAnnotation?.typeAnnotation;
    if (!memberType) break;
    current = memberType;
  }
  const text = source.slice(current.range[0], current.range[1]);
  if (index === steps.length) return text;
  const named = current.type === AST_NODE_TYPES.TSTypeReference || current.type === AST_NODE_TYPES.TSTypeQuery;
  return (named ? text : `(${text})`) + steps.slice(index).map((step) => `['${step}']`).join('');
}

function findIdentifierIn(root: Node, name: string): TSESTree.Identifier | undefined {
  let found: TSESTree.Identifier | undefined;
  walk(root, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.Identifier && node.name === name) found = node;
    return undefined;
  });
  return found;
}

/** Every type name in `annotation` resolves at module level or globally (`URL`), so the getter can say it there. */
function namesOnlyModuleTypes(analysis: Analysis, annotation: Node): boolean {
  let ok = true;
  walk(annotation, (node) => {
    if (!ok) return false;
    if (node.type === AST_NODE_TYPES.TSTypeReference || node.type === AST_NODE_TYPES.TSTypeQuery) {
      let root: Node = node.type === AST_NODE_TYPES.TSTypeReference ? node.typeName : node.exprName;
      while (root.type === AST_NODE_TYPES.TSQualifiedName) root = root.left;
      if (root.type === AST_NODE_TYPES.Identifier) {
        const scope = findVariable(analysis.scopeManager, root)?.scope.type;
        if (scope !== undefined && scope !== 'module' && scope !== 'global') ok = false;
      }
    }
    return undefined;
  });
  return ok;
}

/** `a.b.c` (no computed step, no call): `a`. */
function propertyPathRoot(node: TSESTree.MemberExpression): TSESTree.Identifier | undefined {
  let current: Node = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    if (current.computed) return undefined;
    current = current.object;
  }
  return current.type === AST_NODE_TYPES.Identifier ? current : undefined;
}

/** The statement of the program that contains `node`. */
function topLevelStatement(node: Node): Node {
  let current = node;
  while (current.parent && current.parent.type !== AST_NODE_TYPES.Program) current = current.parent;
  return current;
}

function isInstanceMethod(fn: FunctionNode): fn is TSESTree.FunctionExpression & { parent: TSESTree.MethodDefinition } {
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.MethodDefinition && parent.value === fn && !parent.static && parent.kind === 'method';
}

/** A function that its own callers call by name: a trailing defaulted parameter keeps them working. */
function isNamedFunction(fn: FunctionNode): boolean {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return true;
  return fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn;
}

/**
 * `(req, res)`, `(call, callback)`, `(message)`: the signature of something a framework calls, which
 * may pass more arguments than it declares (express passes `next`): a trailing parameter would
 * receive them instead of the shared client.
 */
const CALLBACK_PARAMETER = /^(req|request|res|response|reply|ctx|context|next|call|callback|cb|done|event|evt|message|msg|socket|ws|job|payload)$/i;

function looksLikeCallback(fn: FunctionNode): boolean {
  return fn.params.some((parameter) => {
    const target = parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
    return target.type === AST_NODE_TYPES.Identifier && CALLBACK_PARAMETER.test(target.name);
  });
}

/** Every use of the function in this file calls it directly: none hands it to code that picks the arguments. */
function onlyCalledByName(analysis: Analysis, fn: FunctionNode): boolean {
  const id = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent.id : undefined;
  if (!id || id.type !== AST_NODE_TYPES.Identifier) return false;
  const declarator = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent;
  const variable = analysis.scopeManager.getDeclaredVariables(declarator).find((candidate) => candidate.name === id.name);
  if (!variable) return false;
  return variable.references.every((reference) => {
    const identifier = reference.identifier;
    if (identifier === id || reference.init) return true;
    const parent = identifier.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier) return true;
    // Exported (`export { lookup }`, `module.exports = { lookup }`) counts like `export function`: callers elsewhere.
    return isExportReference(identifier);
  });
}

function isExportReference(identifier: TSESTree.Node): boolean {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.ExportSpecifier) return true;
  const isModuleExports = (node: TSESTree.Node): boolean =>
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'exports') ||
    (node.type === AST_NODE_TYPES.MemberExpression &&
      node.object.type === AST_NODE_TYPES.Identifier &&
      node.object.name === 'module' &&
      node.property.type === AST_NODE_TYPES.Identifier &&
      node.property.name === 'exports');
  // module.exports = lookup; exports.lookup = lookup; module.exports.lookup = lookup
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === identifier) {
    const target = parent.left;
    return isModuleExports(target) || (target.type === AST_NODE_TYPES.MemberExpression && isModuleExports(target.object));
  }
  // module.exports = { lookup }
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === identifier) {
    const assignment = parent.parent.parent;
    return assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.right === parent.parent && isModuleExports(assignment.left);
  }
  return false;
}

/**
 * Plans `singleton-client` for the findings of one file. Per file, not per finding: two sites of the
 * same client share one getter, and two different clients must not both be called `client`.
 */
export class SingletonPlanner {
  /** Every identifier of the file: a getter or closer must not be shadowed where it is called. */
  readonly #taken = new Set<string>();
  /** Module-level declarations and globals: a new module variable must not clash with them. */
  readonly #moduleNames = new Set<string>();
  /** Acquisition text → the names planned for it in this pass, and the function of the site that claimed them. */
  readonly #planned = new Map<string, { readonly names: SingletonClientPlan['names']; readonly owner: FunctionNode }>();
  readonly #typescript: boolean;
  /** A conditional choosing between clients → its plan, shared by the sites of its branches. */
  readonly #conditionals = new Map<Node, Remedy<SingletonClientPlan>>();
  /** A plan of this pass hands its client to a callback through `callbackify`. */
  #deliveringToCallback = false;

  constructor(private readonly analysis: Analysis) {
    for (const node of nodeIndexOf(analysis.ast).identifiers) {
      this.#taken.add(node.name);
      const variable = findVariable(analysis.scopeManager, node);
      if (!variable || isModuleScope(variable.scope)) this.#moduleNames.add(node.name);
    }
    this.#typescript = writesTypeScript(analysis.ast);
  }

  /**
   * One shared client where the site allows it. A client made from values of each call (a stage's
   * credentials, a user's bind password) cannot be shared; off hot paths it is closed where it is made
   * instead (`try`/`finally`), which ends the leak and is what snowflake's and ldap-authentication's
   * fixes did. On a hot path that close would be churn the rule still reports: the refusal stands.
   */
  plan(site: ClientSite): Remedy<SingletonClientPlan | WrapInTryFinallyPlan> {
    const shared = this.#planSharing(site);
    if (!isCallValuesRefusal(shared)) return shared;
    const closable = site.closeWhereMade?.();
    const closed = closable && isUsedOnlyUntilReturn(closable) ? planTryFinally(this.analysis, closable) : undefined;
    return closed && closed.kind !== 'refusal' ? closed : shared;
  }

  #planSharing(site: ClientSite): Remedy<SingletonClientPlan> {
    if (site.lateFill) {
      const other = otherCacheWrite(this.analysis, site.lateFill);
      if (other !== undefined) {
        return refuse(
          `\`${site.lateFill.slot}\` is filled only after the client has connected, and \`${other}\` changes it elsewhere; store the pending promise there before the first \`await\` (and delete it if connecting fails)`,
        );
      }
      return this.#plan({ ...site, lateFill: undefined });
    }
    if (site.callback) return this.#planCallbackForm(site, site.callback);
    if (!site.conditional) return this.#plan(site);
    // Every branch of one conditional is one site: the first plans the whole choice, the rest repeat it.
    const conditional = site.conditional;
    let planned = this.#conditionals.get(conditional);
    if (!planned) {
      const inlined = inlinableLocals(this.analysis, conditional);
      // A choice made by values that can key a map moves whole into a keyed getter.
      const keying = 'perCall' in inlined ? (choosesOnlyClients(conditional) ? keyOf(this.analysis, conditional) : { blocker: undefined }) : undefined;
      planned =
        'perCall' in inlined && keying && 'blocker' in keying
          ? refuseSharing(
              `the client is one branch of a conditional whose choice or arguments use ${perCallValueText(this.analysis, keying.blocker, inlined.perCall)}; create each client once at module level (lazily, or one per key in a Map) and choose between them there, or close it when done`,
            )
        : this.#plan({ ...site, acquisition: conditional, conditional: undefined });
      this.#conditionals.set(conditional, planned);
    }
    return planned;
  }

  /**
   * `req.knex = getDatabaseForRequest(req)`: the client is hung on the request, made in a factory of
   * this file that nothing else calls (see single-caller-factory). The factory keeps what it makes and
   * returns the kept client (`return getKnex(tenant)`, one per key of the call's values it reads); the
   * caller stays as it is. Otherwise `refusal`.
   */
  planFactoryReturn(site: ClientSite, refusal: string): Remedy<SingletonClientPlan> {
    const found = singleCallerFactory(this.analysis, site.acquisition);
    if (!found) return refuse(refusal);
    const planned = this.#plan({ ...site, acquisition: found.made, owner: found.factory, binding: { kind: 'discarded' }, releases: [], returnedByFactory: true });
    return planned.kind === 'refusal' ? refuse(`${refusal} (in \`${this.analysis.sourceText.slice(...calleeRange(site.acquisition))}\`: ${planned.reason})`) : planned;
  }

  /**
   * `const { collection, client } = await getCollection({ connection })`, where `getCollection` makes
   * the client and returns it inside an object (see wrapping-factories), and the caller closes it per
   * call: when the site is the factory's only caller, the factory shares the client it makes (one per
   * key of the call's values, as any site) and the caller's per-call closes go. `site` is the caller's
   * (its closes); otherwise `refusal`, with why.
   */
  planCarriedClient(site: ClientSite, factory: FunctionNode, property: string, refusal: string): Remedy<SingletonClientPlan> {
    const outer = site.acquisition.type === AST_NODE_TYPES.AwaitExpression ? site.acquisition.argument : site.acquisition;
    const name = this.analysis.sourceText.slice(...calleeRange(outer));
    if (calledOnlyHere(this.analysis, outer) !== factory) {
      return refuse(`${refusal} (\`${name}\` is exported or called elsewhere too: other callers may close the client or expect a fresh one)`);
    }
    const carried = carriedClientOf(this.analysis, factory, property);
    if (!carried) return refuse(`${refusal} (\`${name}\` does not return it from one \`const\` of its own in its only \`return\`)`);
    const binding: AcquisitionBinding = { kind: 'variable', variable: carried.variable, target: carried.target, declarator: carried.declarator };
    const planned = this.#plan({ ...site, acquisition: carried.made, owner: factory, binding });
    if (planned.kind === 'refusal') return refuse(`${refusal} (in \`${name}\`: ${planned.reason})`);
    const pick = unusedPickOf(site, planned.removals);
    return pick ? { ...planned, unusedPicks: [...(planned.unusedPicks ?? []), pick] } : planned;
  }

  /**
   * `private readonly pubsub = new PubSub()` in a provider the container builds per request (or per
   * injection): every instance makes a client. Made from module-level values only, the initialiser
   * becomes the module's getter (`= getPubSub()`): all instances share one client. One made from the
   * instance's own values (`new PubSub(this.options)`) is refused: those may differ per instance.
   */
  /**
   * `new DatastoreLock(id, target)` per call, where the class keeps per-instance state (an owner id made
   * for each lock) and its constructor opens one client of its own (`this.datastore = new Datastore()`):
   * the instances stay per call, and that client becomes one module-level client they all use — what
   * repo-automation-bots did. Only for one client made on construction from nothing of the instance's.
   */
  #shareHeldClient(made: TSESTree.NewExpression): Remedy<SingletonClientPlan> | undefined {
    const callee = unwrapExpression(made.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
    const declared = findVariable(this.analysis.scopeManager, callee)?.defs[0]?.node;
    if (declared?.type !== AST_NODE_TYPES.ClassDeclaration && declared?.type !== AST_NODE_TYPES.ClassExpression) return undefined;
    const held = heldClients(declared, (expression) => this.analysis.oracle.acquisition(expression));
    if (held.length !== 1 || held[0].made !== 'on construction') return undefined;
    // A class that ends its own client (`close() { return this.pool.end() }`) would end everyone's.
    if (endsField(declared.body, held[0].field, held[0].entry, 'this')) return undefined;
    const plan = this.planProviderField(held[0].value, held[0].entry, callee.name);
    return plan.kind === 'refusal' ? undefined : plan;
  }

  planProviderField(acquisition: Node, entry: ResourceEntry, provider: string): Remedy<SingletonClientPlan> {
    const { analysis } = this;
    const made = acquisition.type === AST_NODE_TYPES.AwaitExpression ? undefined : acquisition;
    if (!made) return refuse(`\`${provider}\` awaits the client per instance; provide the client once (a default-scoped provider or module-level instance) and inject it`);
    const inlined = inlinableLocals(analysis, made);
    if ('perCall' in inlined) {
      return refuse(`\`${provider}\` makes the client from \`${inlined.perCall}\`, a value of each instance; provide the client once (a default-scoped provider or module-level instance) and inject it`);
    }
    const stateWrite = made.type === AST_NODE_TYPES.NewExpression ? instanceStateWrite(analysis, made.callee) : undefined;
    if (stateWrite) return refuse(`the class keeps per-caller state (${stateWrite}): one shared instance would share it between callers; share the client it opens instead`);
    const acquisitionText = substituted(analysis.sourceText, made, inlined.substitutions);
    const existing = findSharedGetter(analysis, normalize(acquisitionText));
    const names = existing ?? this.#allocateNames({ acquisition: made, binding: { kind: 'discarded' } } as ClientSite);
    const typeText = this.#typescript ? this.#typeText(made) : undefined;
    if (this.#typescript && !typeText) return refuse('leakguard cannot name the client’s type here; move the client to module level by hand');
    return {
      kind: 'singleton-client',
      acquisition: made,
      acquisitionText,
      inlinedDeclarations: [],
      awaited: false,
      anchor: topLevelStatement(made),
      names,
      reuse: existing !== undefined,
      typeText,
      release: closeMethodOf(entry),
      site: { kind: 'in-place' },
      removals: [],
      moduleSystem: moduleSystemOf(analysis.ast, analysis.sourceText),
      semicolons: usesSemicolons(analysis.ast, analysis.sourceText),
    };
  }

  /**
   * `MongoClient.connect(url, function (err, db) { … })`: the call without its callback is the promise
   * form the getter shares (`MongoClient.connect(url)`); the site hands the shared client to the same
   * callback through `util.callbackify`, which calls it as the driver did (`(null, client)` or `(error)`,
   * on a later tick). The site is planned as that call up to its callback.
   */
  #planCallbackForm(site: ClientSite, callback: FunctionNode): Remedy<SingletonClientPlan> {
    const call = site.acquisition as TSESTree.CallExpression;
    if (call.arguments[call.arguments.length - 1] !== callback || call.optional) return refuse('the callback is not the call’s last argument');
    // Two sites adding the `callbackify` import in one pass would import it twice: one goes first.
    if (this.#deliveringToCallback && !this.#taken.has('callbackify')) return refuse('another site of this file is rewritten first; run the codemod again');
    const promiseForm = { ...call, arguments: call.arguments.slice(0, -1), range: [call.range[0], callback.range[0]] } as TSESTree.CallExpression;
    const planned = this.#plan({ ...site, acquisition: promiseForm, callback: undefined }, true);
    if (planned.kind === 'singleton-client') this.#deliveringToCallback = true;
    return planned;
  }

  #plan(site: ClientSite, deliversToCallback = false): Remedy<SingletonClientPlan> {
    const { analysis } = this;
    const { entry } = site;
    const connect =
      site.binding.kind === 'variable' ? connectShapeOf(analysis, site.owner, site.binding.variable, site.binding.declarator, entry.connectsIdempotently === true) : undefined;
    // `const c = new Client(); await c.connect()`: the getter keeps a promise of the connected client.
    const connectOnce = connect?.kind === 'once' ? connect : undefined;
    const connectProblem =
      connect?.kind === 'refused'
        ? connectRefusal(connect.code, connect.why)
        : connectOnce
          ? connectRefusal(normalize(analysis.sourceText.slice(...connectOnce.connect.range)), 'leakguard connects once only in a module-level getter')
          : undefined;
    // A shared client would collect the listener this function adds on every call.
    const listener = site.binding.kind === 'variable' && connect?.kind === 'none' ? listenerAddedPerCall(analysis, site.binding.variable, site.binding.declarator) : undefined;
    if (listener) return refuse(`it adds a listener to the client on every call (\`${listener}\`); a shared client would collect one per call: register it once where the client is made`);
    // Any other shape than a module-level getter would keep connecting per call.
    const onlyOnce = (plan: () => Remedy<SingletonClientPlan>) => (connectProblem ? refuse(connectProblem) : plan());
    // `await connect(url)`: the getter shares the promise; the site keeps its `await`.
    const awaited = site.acquisition.type === AST_NODE_TYPES.AwaitExpression || deliversToCallback;
    const acquisition = site.acquisition.type === AST_NODE_TYPES.AwaitExpression ? site.acquisition.argument : site.acquisition;
    // `this.getClient()` returning a new client: the method keeps the one it makes.
    // `options.client ?? createClient(url)`: only the fallback moves; a client the caller passes stays theirs.
    const fallback = callerFallbackOf(site.acquisition);
    if (fallback) return onlyOnce(() => this.#planFallback(site, acquisition, awaited, fallback));
    const factory = memoisableFactory(analysis, acquisition);
    // `const producer = this.#initProducer(); await producer.connect()`: the instance keeps it connected once.
    if (factory && connectOnce && !awaited && isInstanceMethod(site.owner) && site.binding.kind === 'variable') return this.#planPerInstance(site, acquisition, connectOnce);
    if (factory) return 'refusal' in factory ? refuse(factory.refusal) : onlyOnce(() => this.#planMemoisedFactory(site, factory.factory));
    const inlined = inlinableLocals(analysis, acquisition);
    const perCall = 'perCall' in inlined ? inlined.perCall : undefined;
    // `new Kafka(this.#config)` in a method: the same for every call on this instance.
    const perInstance = perCall === 'this' && !awaited && isInstanceMethod(site.owner) && !perCallValue(analysis, acquisition, true);
    if (perInstance && site.binding.kind === 'variable') return connect?.kind === 'refused' ? refuse(connectProblem!) : this.#planPerInstance(site, acquisition, connectOnce);
    // `getClient(config)` in a route handler, `config` fixed when the router was made: one client per router.
    const closure = perCall && !awaited ? closureOfConstants(analysis, acquisition, site.owner) : undefined;
    if (closure) return onlyOnce(() => this.#planClosureSlot(site, acquisition, closure.before));
    const keying = perCall ? keyOf(analysis, acquisition) : undefined;
    const keyable = keying && 'key' in keying ? keying : undefined;
    // TypeScript: the getter's parameters keep the types their declarations wrote (`server: ServerConfig`).
    const keyed = keyable && this.#typescript ? withKeyTypes(analysis, acquisition, keyable.key, keyable.substitutions) : keyable?.key;
    if (perCall && (!keyed || (site.binding.kind !== 'variable' && !site.returnedByFactory))) {
      const blocker = keying && 'blocker' in keying ? keying.blocker : undefined;
      const typesMissing = keyable && !keyed ? ', whose type the source does not write down' : '';
      return refuseSharing(
        `its arguments use ${perCallValueText(analysis, blocker, perCall)}${typesMissing}: one shared client cannot serve every caller; keep one client per key (a Map keyed by the values that tell clients apart), pass the client in, or close it when done`,
      );
    }
    // Said after the per-call arguments: a client of this call's own values is not to be shared at all.
    if (connect?.kind === 'refused') return refuse(connectRefusal(connect.code, connect.why));
    const release = closeMethodOf(entry);
    const stateWrite = acquisition.type === AST_NODE_TYPES.NewExpression ? instanceStateWrite(analysis, acquisition.callee) : undefined;
    if (stateWrite) {
      // The instances stay per call; the one client their constructor opens is what they share.
      const shared = acquisition.type === AST_NODE_TYPES.NewExpression ? this.#shareHeldClient(acquisition) : undefined;
      return shared ?? refuse(`the class keeps per-caller state (${stateWrite}): one shared instance would share it between callers; share the client it opens instead`);
    }
    if (site.binding.kind === 'released') return refuse('it is declared with `using` or closed in the same expression; declare it with `const` first');
    if (site.binding.kind === 'escapes') return refuse('the client is handed out');
    if (site.closedInCallback) return refuse(callbackCloseRefusal(this.analysis, site, 'a shared client must not be closed there: remove that close by hand and pass the client in'));

    const removals: TSESTree.ExpressionStatement[] = [];
    for (const node of site.releases) {
      const statement = standaloneStatementOf(node);
      // Code, not line numbers: lines move when the codemod inserts markers and getters.
      const code = normalize(analysis.sourceText.slice(node.range[0], node.range[1]));
      if (!statement) return refuse(`it is closed inside an expression (\`${code}\`); move that close into a statement of its own`);
      if (!statementListOf(statement.parent)) return refuse(`its close \`${code}\` is the body of an \`if\` or loop without braces`);
      removals.push(statement);
    }

    const substitutions = 'substitutions' in inlined ? inlined.substitutions : keyed && keyable ? keyable.substitutions : [];
    const written = substituted(analysis.sourceText, acquisition, substitutions);
    // The promise form ends where the callback began: `connect(url, ` → `connect(url)`.
    const madeText = deliversToCallback ? `${written.replace(/,?\s*$/, '')})` : written;
    if (connectOnce && awaited) return refuse(connectRefusal(normalize(analysis.sourceText.slice(...connectOnce.connect.range)), 'the client is awaited before it connects'));
    const semicolons = usesSemicolons(analysis.ast, analysis.sourceText);
    const acquisitionText = connectOnce ? connectedClientText(analysis.sourceText, acquisition, madeText, connectOnce, semicolons) : madeText;
    const shared = this.#sharedNames(site, acquisitionText, keyed);
    if ('refusal' in shared) return refuse(shared.refusal);
    const names = keyed && !shared.reuse ? this.#keyedNames(shared.names) : shared.names;
    if (!names) return refuse(`its arguments use \`${perCall}\`, a value of this call, and the names for a map of clients are taken; keep one client per key (a Map) or pass the client in`);

    const clientType = this.#typescript ? this.#typeText(acquisition) : undefined;
    if (this.#typescript && !clientType) return refuse('leakguard cannot name the client’s type here; move the client to module level by hand');
    // Connected once, the module keeps a promise of the connected client.
    const typeText = connectOnce && clientType ? `Promise<${clientType}>` : clientType;
    return {
      kind: 'singleton-client',
      acquisition,
      acquisitionText,
      ...(keyed ? { keyed } : {}),
      inlinedDeclarations: unreadDeclarations(analysis, acquisition, substitutions),
      ...unreadPicks(analysis, acquisition, substitutions),
      awaited: awaited || connectOnce !== undefined,
      ...(connectOnce ? { connectsOnce: true } : {}),
      ...(deliversToCallback ? { deliversToCallback: true } : {}),
      anchor: topLevelStatement(acquisition),
      names,
      reuse: shared.reuse,
      typeText,
      release,
      // A parameter default or a field would hold the promise: the awaited site calls the getter in place.
      site: awaited || keyed || connectOnce ? { kind: 'in-place' } : this.#siteOf(site, names),
      // The set-up and the connect move into the getter with the client.
      removals: connectOnce ? [...removals, ...connectOnce.setUp, connectOnce.connect] : removals,
      moduleSystem: moduleSystemOf(analysis.ast, analysis.sourceText),
      semicolons,
    };
  }

  /**
   * The getter a site calls. Sites of the same client in different functions share one (the first
   * declares it; the next pass finds it and reuses it). Two sites in one function were two clients in
   * one run — a publisher and a subscriber, say — and stay two: each gets a getter of its own.
   */
  #sharedNames(site: ClientSite, acquisitionText: string, keyed: Key | undefined): { names: SingletonClientPlan['names']; reuse: boolean } | { refusal: string } {
    const text = normalize(acquisitionText);
    const found = keyed ? findSharedKeyedGetter(this.analysis, text, keyed) : findSharedGetter(this.analysis, text);
    const existing = found && !callsGetter(site.owner, found.getter) ? found : undefined;
    const claimed = this.#planned.get(text);
    if (!existing && claimed && claimed.owner !== site.owner) return { refusal: `the same client is moved to \`${claimed.names.getter}()\` at another site first` };
    if (existing) return { names: existing, reuse: true };
    const names = this.#allocateNames(site);
    if (!claimed) this.#planned.set(text, { names, owner: site.owner });
    return { names, reuse: false };
  }

  /**
   * `options.publisher ?? createClient({ url })`: the client the function makes when its caller passed
   * none becomes a lazily created module-level fallback, `options.publisher ?? getPublisher()`. A
   * client the caller passes is used as before.
   */
  #planFallback(site: ClientSite, acquisition: Node, awaited: boolean, fallback: Node): Remedy<SingletonClientPlan> {
    const { analysis } = this;
    const given = normalize(analysis.sourceText.slice(fallback.range[0], fallback.range[1]));
    const inlined = inlinableLocals(analysis, acquisition);
    if ('perCall' in inlined) {
      return refuse(
        `it is the fallback for \`${given}\`, and its arguments use \`${inlined.perCall}\`, a value of this call: one shared fallback cannot serve every caller; require callers to pass a client`,
      );
    }
    if (site.binding.kind !== 'variable') return refuse(`it is the fallback for \`${given}\` and is not kept in a variable; move the fallback to module level by hand`);
    const [close] = site.releases;
    if (close) {
      const code = normalize(analysis.sourceText.slice(close.range[0], close.range[1]));
      return refuse(`\`${code}\` closes the client the caller passed as well as the fallback; a shared fallback must stay open: close only a client this function made, by hand`);
    }
    if (site.closedInCallback) return refuse(callbackCloseRefusal(this.analysis, site, 'a shared fallback must stay open: remove that close by hand'));
    const stateWrite = acquisition.type === AST_NODE_TYPES.NewExpression ? instanceStateWrite(analysis, acquisition.callee) : undefined;
    if (stateWrite) return refuse(`the class keeps per-caller state (${stateWrite}): one shared instance would share it between callers; share the client it opens instead`);
    const acquisitionText = substituted(analysis.sourceText, acquisition, inlined.substitutions);
    const shared = this.#sharedNames(site, acquisitionText, undefined);
    if ('refusal' in shared) return refuse(shared.refusal);
    const typeText = this.#typescript ? this.#typeText(acquisition) : undefined;
    if (this.#typescript && !typeText) return refuse('leakguard cannot name the client’s type here; move the fallback to module level by hand');
    return {
      kind: 'singleton-client',
      acquisition,
      acquisitionText,
      inlinedDeclarations: unreadDeclarations(analysis, acquisition, inlined.substitutions),
      awaited,
      anchor: topLevelStatement(acquisition),
      names: shared.names,
      reuse: shared.reuse,
      typeText,
      release: closeMethodOf(site.entry),
      site: { kind: 'in-place' },
      removals: [],
      moduleSystem: moduleSystemOf(analysis.ast, analysis.sourceText),
      semicolons: usesSemicolons(analysis.ast, analysis.sourceText),
    };
  }

  #siteOf(site: ClientSite, names: SingletonClientPlan['names']): SingletonClientSite {
    const { binding, owner } = site;
    if (binding.kind !== 'variable' || !binding.declarator) return { kind: 'in-place' };
    const declaration = binding.declarator.parent;
    const topOfFunction = declaration.parent === owner.body && declaration.declarations.length === 1;
    if (!topOfFunction) return { kind: 'in-place' };
    if (isInstanceMethod(owner)) {
      const classBody = owner.parent.parent;
      const shared = classBody.body.find(
        (member): member is TSESTree.PropertyDefinition =>
          member.type === AST_NODE_TYPES.PropertyDefinition &&
          member.key.type === AST_NODE_TYPES.Identifier &&
          member.value?.type === AST_NODE_TYPES.CallExpression &&
          member.value.callee.type === AST_NODE_TYPES.Identifier &&
          member.value.callee.name === names.getter &&
          member.value.arguments.length === 0,
      );
      if (shared) return { kind: 'field', initializer: binding.declarator.init!, classBody, field: (shared.key as TSESTree.Identifier).name, existing: true };
      const members = new Set(classBody.body.map((member) => ('key' in member && member.key.type === AST_NODE_TYPES.Identifier ? member.key.name : '')));
      let field = names.variable;
      for (let suffix = 2; members.has(field); suffix++) field = `${names.variable}${suffix}`;
      return { kind: 'field', initializer: binding.declarator.init!, classBody, field, existing: false };
    }
    const lastParameter = owner.params[owner.params.length - 1];
    if (
      site.execution.kind === 'repeated' &&
      isNamedFunction(owner) &&
      lastParameter?.type !== AST_NODE_TYPES.RestElement &&
      !looksLikeCallback(owner) &&
      onlyCalledByName(this.analysis, owner)
    ) {
      const id = binding.declarator.id;
      const parameter = `${this.analysis.sourceText.slice(id.range[0], id.range[1])} = ${names.getter}()`;
      return { kind: 'parameter', declaration, function: owner, parameter };
    }
    return { kind: 'in-place' };
  }

  /**
   * A client made from the instance's own state, in one of its methods: a field of the instance holds
   * it, filled on first use (`this.#producer ??= …`), and a `close<Field>()` method closes it.
   */
  #planPerInstance(site: ClientSite, acquisition: Node, connectOnce?: Extract<ConnectShape, { kind: 'once' }>): Remedy<SingletonClientPlan> {
    const { analysis } = this;
    const method = site.owner.parent as TSESTree.MethodDefinition;
    const classBody = method.parent;
    const release = closeMethodOf(site.entry);
    if (site.closedInCallback) return refuse(callbackCloseRefusal(this.analysis, site, 'a shared client must not be closed there: remove that close by hand and pass the client in'));
    const removals = this.#releaseStatements(site);
    if (!Array.isArray(removals)) return removals;
    const privateNames = classBody.body.some((member) => 'key' in member && member.key.type === AST_NODE_TYPES.PrivateIdentifier);
    const members = new Set(classBody.body.flatMap((member) => ('key' in member && (member.key.type === AST_NODE_TYPES.Identifier || member.key.type === AST_NODE_TYPES.PrivateIdentifier) ? [member.key.name] : [])));
    const base = site.binding.kind === 'variable' ? site.binding.variable.name : 'client';
    let field = base;
    for (let suffix = 2; members.has(field) || members.has(`close${upperFirst(field)}`); suffix++) field = `${base}${suffix}`;
    const made = analysis.sourceText.slice(acquisition.range[0], acquisition.range[1]);
    const semicolons = usesSemicolons(analysis.ast, analysis.sourceText);
    // Connected once per instance: the field keeps a promise of the connected client.
    const text = connectOnce ? connectedClientText(analysis.sourceText, acquisition, made, connectOnce, semicolons) : made;
    // TypeScript declares the field with the client's type (`private pool?: Pool`).
    const clientType = this.#typescript ? this.#typeText(acquisition) : undefined;
    if (this.#typescript && !clientType) return refuse('leakguard cannot name the client’s type here; keep it in a field of the instance by hand');
    const typeText = connectOnce && clientType ? `Promise<${clientType}>` : clientType;
    return {
      kind: 'singleton-client',
      acquisition,
      acquisitionText: text,
      inlinedDeclarations: [],
      awaited: connectOnce !== undefined,
      ...(connectOnce ? { connectsOnce: true } : {}),
      anchor: topLevelStatement(acquisition),
      names: { variable: field, getter: field, closer: `close${upperFirst(field)}` },
      reuse: true,
      typeText,
      release,
      site: { kind: 'per-instance', classBody, field: `${privateNames ? '#' : ''}${field}` },
      removals: connectOnce ? [...removals, ...connectOnce.setUp, connectOnce.connect] : removals,
      moduleSystem: moduleSystemOf(analysis.ast, analysis.sourceText),
      semicolons: usesSemicolons(analysis.ast, analysis.sourceText),
    };
  }

  /**
   * `this.getClient()` in each operation, the method building a new client every time: the method's
   * `return new S3Client(config)` becomes `return (this.s3Client ??= new S3Client(config))`, the class
   * gets the field and a `close<Field>()` method, and the operations stay as they are. Every site
   * calling the method plans the same edits; the run applies them once.
   */
  #planMemoisedFactory(site: ClientSite, factory: MemoisableFactory): Remedy<SingletonClientPlan> {
    const { analysis } = this;
    const { classBody, made } = factory;
    if (site.closedInCallback) return refuse(callbackCloseRefusal(this.analysis, site, 'a shared client must not be closed there: remove that close by hand'));
    const removals = this.#releaseStatements(site);
    if (!Array.isArray(removals)) return removals;
    const privateNames = classBody.body.some((member) => 'key' in member && member.key.type === AST_NODE_TYPES.PrivateIdentifier);
    const members = new Set(classBody.body.flatMap((member) => ('key' in member && (member.key.type === AST_NODE_TYPES.Identifier || member.key.type === AST_NODE_TYPES.PrivateIdentifier) ? [member.key.name] : [])));
    const callee = entityName(made.callee);
    const last = callee?.[callee.length - 1];
    // What it makes names the field: `new S3Client(…)` → `s3Client`, `createPool(…)` → `pool`.
    let base = last ? lowerFirst(made.type === AST_NODE_TYPES.NewExpression ? last : last.replace(MAKER_PREFIX, '')) : 'client';
    if (!/^[A-Za-z_$][\w$]*$/.test(base)) base = 'client';
    let field = base;
    for (let suffix = 2; members.has(field) || members.has(`close${upperFirst(field)}`); suffix++) field = `${base}${suffix}`;
    const typeText = this.#typescript ? this.#typeText(made) : undefined;
    if (this.#typescript && !typeText) return refuse('leakguard cannot name the client’s type here; keep it in a field of the instance by hand');
    return {
      kind: 'singleton-client',
      acquisition: made,
      acquisitionText: analysis.sourceText.slice(made.range[0], made.range[1]),
      inlinedDeclarations: [],
      awaited: false,
      anchor: topLevelStatement(made),
      names: { variable: field, getter: field, closer: `close${upperFirst(field)}` },
      reuse: true,
      typeText,
      release: closeMethodOf(site.entry),
      site: { kind: 'per-instance', classBody, field: `${privateNames ? '#' : ''}${field}` },
      removals,
      moduleSystem: moduleSystemOf(analysis.ast, analysis.sourceText),
      semicolons: usesSemicolons(analysis.ast, analysis.sourceText),
    };
  }

  /**
   * A client made per run of a callback from values fixed when the callback was made: `let client;`
   * right above the statement that makes the callback, and the acquisition becomes `(client ??= …)`.
   * No closer: the client lives as long as what the outer function built (a router, a server).
   */
  #planClosureSlot(site: ClientSite, acquisition: Node, before: Node): Remedy<SingletonClientPlan> {
    const { analysis } = this;
    if (site.closedInCallback) return refuse(callbackCloseRefusal(this.analysis, site, 'a shared client must not be closed there: remove that close by hand'));
    const stateWrite = acquisition.type === AST_NODE_TYPES.NewExpression ? instanceStateWrite(analysis, acquisition.callee) : undefined;
    if (stateWrite) return refuse(`the class keeps per-caller state (${stateWrite}): one shared instance would share it between callers; share the client it opens instead`);
    const removals = this.#releaseStatements(site);
    if (!Array.isArray(removals)) return removals;
    const typeText = this.#typescript ? this.#typeText(acquisition) : undefined;
    if (this.#typescript && !typeText) return refuse('leakguard cannot name the client’s type here; keep one client in a variable around the callback by hand');
    const made = acquisition as TSESTree.NewExpression | TSESTree.CallExpression;
    const callee = entityName(made.callee);
    const last = callee?.[callee.length - 1];
    let base = site.binding.kind === 'variable' ? site.binding.variable.name : last ? lowerFirst(made.type === AST_NODE_TYPES.NewExpression ? last : last.replace(MAKER_PREFIX, '')) : 'client';
    if (!/^[A-Za-z_$][\w$]*$/.test(base)) base = 'client';
    let name = this.#taken.has(base) ? `shared${upperFirst(base)}` : base;
    for (let suffix = 2; this.#taken.has(name); suffix++) name = `shared${upperFirst(base)}${suffix}`;
    this.#taken.add(name);
    return {
      kind: 'singleton-client',
      acquisition,
      acquisitionText: analysis.sourceText.slice(acquisition.range[0], acquisition.range[1]),
      inlinedDeclarations: [],
      awaited: false,
      anchor: topLevelStatement(acquisition),
      names: { variable: name, getter: name, closer: '' },
      reuse: true,
      typeText,
      release: undefined,
      site: { kind: 'closure-slot', before, name },
      removals,
      moduleSystem: moduleSystemOf(analysis.ast, analysis.sourceText),
      semicolons: usesSemicolons(analysis.ast, analysis.sourceText),
    };
  }

  #releaseStatements(site: ClientSite): TSESTree.ExpressionStatement[] | Remedy<SingletonClientPlan> {
    const removals: TSESTree.ExpressionStatement[] = [];
    for (const node of site.releases) {
      const statement = standaloneStatementOf(node);
      const code = normalize(this.analysis.sourceText.slice(node.range[0], node.range[1]));
      if (!statement) return refuse(`it is closed inside an expression (\`${code}\`); move that close into a statement of its own`);
      if (!statementListOf(statement.parent)) return refuse(`its close \`${code}\` is the body of an \`if\` or loop without braces`);
      removals.push(statement);
    }
    return removals;
  }

  /** `pool` → a map `pools`, getter `getPool(…)`, closer `closePools()`; undefined when those are taken. */
  #keyedNames(single: SingletonClientPlan['names']): SingletonClientPlan['names'] | undefined {
    // `dbs` may already name a callback's parameter somewhere: then `dbByKey`.
    // `knexs`, `redises`: a word whose plural is not a plain `s` is keyed by name.
    const candidates = /(s|x|z|ch|sh)$/.test(single.variable) ? [`${single.variable}ByKey`] : [`${single.variable}s`, `${single.variable}ByKey`];
    for (const variable of candidates) {
      const closer = `close${upperFirst(variable)}`;
      if (this.#moduleNames.has(variable) || this.#taken.has(variable) || this.#taken.has(closer)) continue;
      for (const name of [variable, closer]) this.#taken.add(name);
      return { variable, getter: single.getter, closer };
    }
    return undefined;
  }

  #allocateNames(site: ClientSite): SingletonClientPlan['names'] {
    const made = site.acquisition.type === AST_NODE_TYPES.AwaitExpression ? site.acquisition.argument : site.acquisition;
    const acquisition = made as TSESTree.NewExpression | TSESTree.CallExpression;
    const callee = 'callee' in acquisition ? entityName(acquisition.callee) : undefined;
    const last = callee?.[callee.length - 1];
    // The name the user gave the client says what it is for (`reportPool` → `getReportPool`); without
    // one, or with a one-letter one (`const s = storage()` would give `getS()`), the class or factory
    // names it.
    let base: string;
    if (site.binding.kind === 'variable' && site.binding.variable.name.length > 1) base = site.binding.variable.name;
    else if (acquisition.type === AST_NODE_TYPES.NewExpression && last) base = lowerFirst(last);
    else base = last ? lowerFirst(last.replace(MAKER_PREFIX, '')) : 'client';
    if (!/^[A-Za-z_$][\w$]*$/.test(base)) base = 'client';
    const free = (candidate: string) =>
      !this.#moduleNames.has(candidate) && ![`get${upperFirst(candidate)}`, `close${upperFirst(candidate)}`].some((name) => this.#taken.has(name));
    let variable = base;
    if (!free(variable)) variable = `shared${upperFirst(base)}`;
    for (let suffix = 2; !free(variable); suffix++) variable = `shared${upperFirst(base)}${suffix}`;
    const names = { variable, getter: `get${upperFirst(variable)}`, closer: `close${upperFirst(variable)}` };
    for (const name of Object.values(names)) this.#taken.add(name);
    this.#moduleNames.add(variable);
    return names;
  }

  /**
   * The client's type, written so that it compiles whatever the callee is: a class imported by name
   * or through a namespace is its own type; a constructor held in a variable
   * (`makeGenericClientConstructor`) only has `InstanceType<typeof …>`; a factory `ReturnType<typeof …>`.
   */
  #typeText(acquisition: Node): string | undefined {
    // `tls ? new Redis(a) : new Redis(b)`: the branches' one type, when they say the same;
    // `secure ? new https.Agent(o) : new http.Agent(o)`: their union, when one method ends each.
    if (acquisition.type === AST_NODE_TYPES.ConditionalExpression) {
      const consequent = this.#typeText(acquisition.consequent);
      const alternate = this.#typeText(acquisition.alternate);
      if (consequent === undefined || alternate === undefined) return undefined;
      if (consequent === alternate) return consequent;
      return this.#endedAlike(acquisition) ? [...new Set([...consequent.split(' | '), ...alternate.split(' | ')])].join(' | ') : undefined;
    }
    if (acquisition.type !== AST_NODE_TYPES.NewExpression && acquisition.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const call = acquisition;
    if (call.typeArguments) return undefined;
    const callee = entityName(call.callee);
    if (!callee) return undefined;
    const dotted = callee.join('.');
    if (call.type === AST_NODE_TYPES.CallExpression) return `ReturnType<typeof ${dotted}>`;
    const generic = call.type === AST_NODE_TYPES.NewExpression && this.analysis.oracle.constructsGenericClass(call) === true;
    return this.#namesAClass(call.callee) && !generic ? dotted : `InstanceType<typeof ${dotted}>`;
  }

  /** Every client a conditional can choose is ended by the same method: one closer serves the union. */
  #endedAlike(conditional: Node): boolean {
    const methods = new Set<string | undefined>();
    const collect = (branch: Node): boolean => {
      if (branch.type === AST_NODE_TYPES.ConditionalExpression) return collect(branch.consequent) && collect(branch.alternate);
      const entry = this.analysis.oracle.acquisition(branch);
      if (!entry) return false;
      methods.add(closeMethodOf(entry)?.method);
      return true;
    };
    return collect(conditional) && methods.size === 1 && !methods.has(undefined);
  }

  #namesAClass(callee: Node): boolean {
    const root = callee.type === AST_NODE_TYPES.MemberExpression ? rootIdentifier(callee) : callee;
    if (root?.type !== AST_NODE_TYPES.Identifier) return false;
    const definition = findVariable(this.analysis.scopeManager, root)?.defs[0];
    if (!definition) return false;
    if (callee.type === AST_NODE_TYPES.Identifier) {
      if (definition.type === 'ClassName') return true;
      // A named import from a package is its class; a project module may export a constructor value.
      const declaration = definition.node.parent;
      return (
        definition.node.type === AST_NODE_TYPES.ImportSpecifier &&
        declaration?.type === AST_NODE_TYPES.ImportDeclaration &&
        !String(declaration.source.value).startsWith('.')
      );
    }
    // `grpc.Client` through `import * as grpc`: a namespace has its types.
    return definition.node.type === AST_NODE_TYPES.ImportNamespaceSpecifier && callee.type === AST_NODE_TYPES.MemberExpression && callee.object === root;
  }
}

/** `fn` already calls `getter()`: a getter written for another client of the same run. */
function callsGetter(fn: FunctionNode, getter: string): boolean {
  let found = false;
  walk(fn, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === getter) found = true;
    return undefined;
  });
  return found;
}

function calleeRange(call: Node): TSESTree.Range {
  return call.type === AST_NODE_TYPES.CallExpression ? call.callee.range : call.range;
}

function rootIdentifier(member: TSESTree.MemberExpression): Node {
  let current: Node = member;
  while (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
  return current;
}
