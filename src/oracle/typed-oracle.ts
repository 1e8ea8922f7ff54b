import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import ts from 'typescript';
import { unwrapExpression } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import type { CollectionKind } from '../collections/collection-kind';
import { requestScopedTypes } from '../lifetime/request-scoped-types';
import type { Registry } from '../registry/registry';
import type { ResourceEntry } from '../registry/resource-entry';
import { declarationMatches, isDeclaredInNodeOrLib } from './declaration-match';
import { calleeSignatures, possibleResultTypes } from './possible-results';
import { constructedTypes } from './constructed-types';
import { grpcCallSignature, programUsesGrpc, type GrpcCallSignature } from './grpc-call-signature';
import type { EventSourceKind, RequestScopedMatch, SubscriptionRelease, TypeOracle } from './type-oracle';
import type { UntypedOracle } from './untyped-oracle';
import { connectionOwnerByShape, declaredByPackage, mayMakeConnectionOwner } from './connection-owner-shape';
import { declaredByBuiltProjectCode } from './built-project-declarations';
import { specifiedNotToThrow } from './contract-quiet-calls';
import { classUsesElsewhere, type ClassUsesElsewhere } from './class-instantiations';

type TypeServices = Pick<ParserServicesWithTypeInformation, 'program' | 'esTreeNodeToTSNodeMap'>;

/** Types nest through base classes; generated code rarely goes deeper than a handful of levels. */
const MAX_BASE_DEPTH = 12;
/** A factory that calls a factory that calls a factory is still a factory; past that we stop guessing. */
const MAX_FACTORY_DEPTH = 3;

/**
 * A disposable type's own release methods count as releasing it: an ORM query runner released with
 * `await runner.release()` on the success path only is "released only on success" (and the codemod
 * moves that call into the `finally`), never "never released: call [Symbol.asyncDispose]()".
 */
const OWN_RELEASE_METHODS = ['close', 'release', 'end', 'destroy', 'dispose'];

/**
 * Registering a plugin or middleware hands back the host it was registered into, for chaining:
 * fastify's `register`, and a framework's wrapper that resolves to the server it wraps (NestJS's
 * `app.register(plugin)` returns its Fastify instance). The host, not a new handle to dispose.
 */
const REGISTRATION_METHODS = ['register', 'use'];

/**
 * A disposable result that is read to its end by one call — `json()` and `text()` (ClickHouse's
 * `ResultSet` over a response stream) — is released by that read, as a MongoDB cursor is by
 * `toArray()`: the stream ends and gives its socket back. Only for types that have both.
 */
const BODY_READS = ['json', 'text'];

const disposableEntries = {
  async: (name: string, reads: readonly string[]): ResourceEntry => ({
    description: `async-disposable \`${name}\``,
    kind: 'handle',
    releases: [
      { method: '[Symbol.asyncDispose]', async: true },
      ...OWN_RELEASE_METHODS.map((method) => ({ method, async: method !== 'dispose' })),
      ...reads.map((method) => ({ method, async: true })),
    ],
    chainingMethods: REGISTRATION_METHODS,
  }),
  sync: (name: string, reads: readonly string[]): ResourceEntry => ({
    description: `disposable \`${name}\``,
    kind: 'handle',
    releases: [{ method: '[Symbol.dispose]' }, ...OWN_RELEASE_METHODS.map((method) => ({ method })), ...reads.map((method) => ({ method, async: true }))],
    chainingMethods: REGISTRATION_METHODS,
  }),
};

/**
 * The TypeScript checker's view: what the acquired value's type is (following base classes, so a
 * generated gRPC client or a user subclass matches), and whether a call's callee really creates
 * something or only hands back what it holds.
 */
interface OracleCaches {
  readonly typeMatches: Map<ts.Type, ResourceEntry | null>;
  readonly factories: Map<ts.Node, boolean>;
  /** By the expression's TypeScript node: require-close and no-client-per-call ask about every call. */
  readonly acquisitions: WeakMap<ts.Node, ResourceEntry | null>;
}

/** Whether a written return type is a bare type parameter (`T`): a property of the type node alone. */
const returnsTypeParameter = new WeakMap<ts.TypeNode, boolean>();

/** Keyed by program (one per tsconfig and lint run), then by registry (one per settings object). */
const cachesByProgram = new WeakMap<ts.Program, WeakMap<Registry, OracleCaches>>();

function sharedCaches(program: ts.Program, registry: Registry): OracleCaches {
  let byRegistry = cachesByProgram.get(program);
  if (!byRegistry) {
    byRegistry = new WeakMap();
    cachesByProgram.set(program, byRegistry);
  }
  let caches = byRegistry.get(registry);
  if (!caches) {
    caches = { typeMatches: new Map(), factories: new Map(), acquisitions: new WeakMap() };
    byRegistry.set(registry, caches);
  }
  return caches;
}

export class TypedOracle implements TypeOracle {
  readonly typed: boolean = true;
  readonly #checker: ts.TypeChecker;
  readonly #typeMatches: Map<ts.Type, ResourceEntry | null>;
  readonly #factories: Map<ts.Node, boolean>;
  readonly #acquisitions: WeakMap<ts.Node, ResourceEntry | null>;

  constructor(
    private readonly services: TypeServices,
    private readonly registry: Registry,
    private readonly syntactic: UntypedOracle,
  ) {
    // Every rule builds its own oracle for every file: the answers depend only on the program and
    // the registry, so they are shared across rules and files of one program.
    const caches = sharedCaches(services.program, registry);
    this.#typeMatches = caches.typeMatches;
    this.#factories = caches.factories;
    this.#acquisitions = caches.acquisitions;
    this.#checker = services.program.getTypeChecker();
  }

  acquisition(expression: Node): ResourceEntry | undefined {
    const outer = unwrapExpression(expression);
    const awaited = outer.type === AST_NODE_TYPES.AwaitExpression;
    const inner = awaited ? unwrapExpression((outer).argument) : outer;
    if (inner.type !== AST_NODE_TYPES.NewExpression && inner.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const tsOuter = this.services.esTreeNodeToTSNodeMap.get(outer);
    const tsInner = this.services.esTreeNodeToTSNodeMap.get(inner);
    if (!tsOuter || !tsInner) return this.syntactic.acquisition(expression);
    const cached = this.#acquisitions.get(tsOuter);
    if (cached !== undefined) return cached ?? undefined;
    // The callee's signatures first: most calls can return nothing the registry knows whatever their
    // arguments are, and then the call need not be resolved at all (see possibleResultTypes).
    if (!this.#mayReturnResource(tsInner, awaited)) {
      const entry = this.syntactic.acquisition(expression);
      this.#acquisitions.set(tsOuter, entry ?? null);
      return entry;
    }
    // `new X(…)` creates what X's hierarchy names: when every type it can evaluate to names the
    // same registry entry (see constructedTypes), resolving it would add nothing.
    const constructed = !awaited && ts.isNewExpression(tsInner) ? this.#constructedMatch(tsInner) : undefined;
    if (constructed) {
      this.#acquisitions.set(tsOuter, constructed);
      return constructed;
    }
    // The type next (cached per type): when it matches nothing, the signature lookups of
    // #createsValue are not needed.
    const resultType = this.#resultType(tsOuter, tsInner, awaited);
    const typed = this.matchType(resultType);
    const created =
      typed &&
      !isChainingCall(inner, typed) &&
      !isAccessorOfFactoryMadeType(inner, typed) &&
      !this.#isDerivedView(tsInner, resultType) &&
      !this.#isOwnerCall(inner) &&
      this.#createsValue(tsInner, 0);
    const entry = created ? typed : this.syntactic.acquisition(expression);
    this.#acquisitions.set(tsOuter, entry ?? null);
    return entry;
  }

  /**
   * `pipeline(source, …, destination, callback)` returns its last stream, which it already owns and
   * ends: its result is no new handle (typed, it looked like a WriteStream made by the call).
   */
  #isOwnerCall(inner: Node): boolean {
    return inner.type === AST_NODE_TYPES.CallExpression && this.registry.owners.some((owner) => this.callsPackageFunction(inner, owner.package, owner.name));
  }

  connectionOwner(expression: Node): ResourceEntry | undefined {
    const outer = unwrapExpression(expression);
    const awaited = outer.type === AST_NODE_TYPES.AwaitExpression;
    const inner = awaited ? unwrapExpression(outer.argument) : outer;
    if (inner.type !== AST_NODE_TYPES.NewExpression && inner.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const tsOuter = this.services.esTreeNodeToTSNodeMap.get(outer);
    const tsInner = this.services.esTreeNodeToTSNodeMap.get(inner);
    if (!tsOuter || !tsInner || (!ts.isCallExpression(tsInner) && !ts.isNewExpression(tsInner))) return undefined;
    // Most calls are no maker by their name: resolving their signature would be the checker's work for nothing.
    if (!mayMakeConnectionOwner(tsInner)) return undefined;
    // `createTransport({ host })`: the registry says it holds no connection without its pool option.
    if (inner.type === AST_NODE_TYPES.CallExpression && this.syntactic.optionDeclinesConnections(inner)) return undefined;
    // Only a package's maker makes an owner (connectionOwnerByShape): when none of the callee's
    // signatures is a package's, the resolved one is not either, and resolving it would be the
    // checker's work for nothing (`new Promise(…)`, `new Map()`, the project's own classes).
    const signatures = calleeSignatures(this.#checker, tsInner);
    if (signatures !== undefined && !signatures.some(declaredByPackage)) return undefined;
    const resultType = this.#resultType(tsOuter, tsInner, awaited);
    // A type the registry knows was judged by acquisition() (a view of a client, a handle): not ours to redo.
    if (this.matchType(resultType)) return undefined;
    return connectionOwnerByShape(this.#checker, tsInner, resultType);
  }

  /**
   * The registry entry every type `new X(…)` can evaluate to matches, which is what matchType
   * answers for its own type, an instantiation of one of them: the same hierarchy, the same member
   * names (see constructedTypes). Undefined when the types do not tell or do not agree.
   */
  #constructedMatch(expression: ts.NewExpression): ResourceEntry | undefined {
    const types = constructedTypes(this.#checker, expression);
    // A Disposable type with both body reads gets them only when both are methods, which its
    // type arguments may decide (`json: T`): left to the expression's own type.
    if (!types || types.some((type) => type.getProperty('json') && type.getProperty('text'))) return undefined;
    const entries = new Set(types.map((type) => this.matchType(type)));
    const [entry] = entries;
    return entries.size === 1 ? entry : undefined;
  }

  /**
   * False when no signature the call can resolve to (see calleeSignatures) can make it an
   * acquisition: none returns a registry type, or, for a call, the ones that do hand back what they
   * hold or were given (`this`, a type parameter), which #createsValue turns down.
   */
  #mayReturnResource(tsInner: ts.Node, awaited: boolean): boolean {
    if (!ts.isCallExpression(tsInner) && !ts.isNewExpression(tsInner)) return true;
    const signatures = calleeSignatures(this.#checker, tsInner);
    if (signatures === undefined) return true;
    let creating = signatures;
    if (ts.isCallExpression(tsInner)) {
      // When no overload fits, the checker answers with the first one's declaration and every
      // return type: all of them must hand back what they hold for that answer to be turned down.
      if (signatures.every((signature) => this.#returnsWhatItHolds(signature))) return false;
      // A generic signature is never merged that way (the checker picks one and instantiates it), so
      // a generic pass-through (pg's `query<T extends Submittable>(stream: T): T`) can be left out.
      creating = signatures.filter((signature) => !(signature.getTypeParameters()?.length && this.#returnsWhatItHolds(signature)));
    }
    const possible = possibleResultTypes(this.#checker, creating, awaited);
    return possible === undefined || possible.some((type) => this.matchType(type) !== undefined);
  }

  /**
   * The type of `f()`, `new X()` or `await f()`, read from the call's resolved signature. Other
   * typed rules have usually resolved it already (the checker caches it on the node), whereas
   * getTypeAtLocation re-runs control-flow narrowing on the callee every time it is asked.
   */
  #resultType(tsOuter: ts.Node, tsInner: ts.Node, awaited: boolean): ts.Type {
    if (ts.isCallExpression(tsInner) || ts.isNewExpression(tsInner)) {
      const signature = this.#checker.getResolvedSignature(tsInner);
      if (signature) {
        const returned = signature.getReturnType();
        return awaited ? (this.#checker.getAwaitedType(returned) ?? returned) : returned;
      }
    }
    return this.#checker.getTypeAtLocation(tsOuter);
  }

  /** Not a hot path: asked only for the receiver of a `.then(callback)`. */
  settledAcquisition(call: TSESTree.CallExpression): ResourceEntry | undefined {
    const tsCall = this.services.esTreeNodeToTSNodeMap.get(call);
    // Asked of every call given an error-first callback: as for acquisition(), the callee's
    // signatures usually say its settled result can be nothing the registry knows.
    if (tsCall && ts.isCallExpression(tsCall) && !this.#mayReturnResource(tsCall, true)) return this.syntactic.settledAcquisition(call);
    const signature = tsCall && ts.isCallExpression(tsCall) ? this.#checker.getResolvedSignature(tsCall) : undefined;
    if (!signature || !tsCall || !ts.isCallExpression(tsCall)) return this.syntactic.settledAcquisition(call);
    const returned = signature.getReturnType();
    const settled = this.#checker.getAwaitedType(returned);
    const typed = settled && settled !== returned ? this.matchType(settled) : undefined;
    if (typed && !isChainingCall(call, typed) && this.#createsValue(tsCall, 0)) return typed;
    return this.syntactic.settledAcquisition(call);
  }

  callsPackageFunction(call: TSESTree.CallExpression, pkg: string, name: string): boolean {
    // The resolved signature keeps the declaration of one of the callee's (see calleeSignatures):
    // when none is named `name`, the answer is the syntactic one without resolving the call.
    const tsCall = this.services.esTreeNodeToTSNodeMap.get(call);
    const signatures = tsCall && ts.isCallExpression(tsCall) ? calleeSignatures(this.#checker, tsCall) : undefined;
    if (signatures !== undefined && !signatures.some((signature) => declaredName(signature) === name)) return this.syntactic.callsPackageFunction(call, pkg, name);
    const declaration = this.#signatureDeclaration(call);
    if (declaration) {
      const symbolName = declaration.name && ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
      if (symbolName === name) {
        return declarationMatches(declaration, { from: 'package', package: pkg, name }, this.services.program);
      }
    }
    return this.syntactic.callsPackageFunction(call, pkg, name);
  }

  calleeModule(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
    return this.syntactic.calleeModule(call);
  }

  returnsReceiver(call: TSESTree.CallExpression): boolean {
    const tsCall = this.services.esTreeNodeToTSNodeMap.get(call);
    if (!tsCall || !ts.isCallExpression(tsCall)) return false;
    if (!ts.isPropertyAccessExpression(tsCall.expression) && !ts.isElementAccessExpression(tsCall.expression)) return false;
    const receiver = this.#checker.getNonNullableType(this.#checker.getTypeAtLocation(tsCall.expression.expression));
    // Asked about every method call on a handle (`client.query(…)`): the callee's signatures usually
    // rule it out without resolving the call's arguments.
    const signatures = calleeSignatures(this.#checker, tsCall);
    if (signatures !== undefined && !this.#mayReturnReceiver(signatures, receiver.getSymbol())) return false;
    const declaration = this.#checker.getResolvedSignature(tsCall)?.getDeclaration();
    const returnType = declaration && !ts.isJSDocSignature(declaration) ? declaration.type : undefined;
    if (returnType?.kind === ts.SyntaxKind.ThisType) return true;
    const returned = this.#checker.getTypeAtLocation(tsCall);
    const resolved = this.#checker.getAwaitedType(returned) ?? returned;
    const symbol = resolved.getSymbol();
    // The receiver's own class: `Promise<this>` resolves to it; a sibling of the same base does not.
    return symbol !== undefined && symbol === receiver.getSymbol();
  }

  /**
   * Can one of the signatures make returnsReceiver say yes: declared to return `this`, or returning
   * (a promise of) a type whose symbol is the receiver's? Generic returns that could become it count.
   */
  #mayReturnReceiver(signatures: readonly ts.Signature[], receiver: ts.Symbol | undefined): boolean {
    if (signatures.some((signature) => this.#declaredReturn(signature)?.kind === ts.SyntaxKind.ThisType)) return true;
    if (receiver === undefined) return false;
    const possible = possibleResultTypes(this.#checker, signatures, true);
    return possible === undefined || possible.some((type) => type.getSymbol() === receiver);
  }

  valueResource(expression: Node): ResourceEntry | undefined {
    const type = this.#valueType(expression);
    return type ? this.matchType(type) : this.syntactic.valueResource(expression);
  }

  grpcCall(call: TSESTree.CallExpression): GrpcCallSignature | 'not-rpc' | undefined {
    // Without grpc-js in the program no call resolves to an RPC: the shapes (imports) decide alone.
    if (!programUsesGrpc(this.services.program)) return undefined;
    const tsCall = this.services.esTreeNodeToTSNodeMap.get(call);
    if (!tsCall || !ts.isCallExpression(tsCall)) return undefined;
    return grpcCallSignature(tsCall, this.#checker, this.services.program);
  }

  literalPropertyNames(expression: Node): readonly string[] | undefined {
    const tsNode = this.services.esTreeNodeToTSNodeMap.get(expression);
    if (!tsNode) return undefined;
    const type = this.#checker.getNonNullableType(this.#checker.getTypeAtLocation(tsNode));
    // An object literal's type, or an anonymous type literal (`{ 'grpc.x': number }`, a function's inferred result); not an interface or class.
    if (!(type.flags & ts.TypeFlags.Object) || !((type as ts.ObjectType).objectFlags & (ts.ObjectFlags.ObjectLiteral | ts.ObjectFlags.Anonymous))) return undefined;
    if (type.getStringIndexType() || type.getNumberIndexType() || type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return undefined;
    return type.getProperties().map((property) => property.getName());
  }

  disposal(expression: Node): 'async' | 'sync' | undefined {
    const tsNode = this.services.esTreeNodeToTSNodeMap.get(expression);
    if (!tsNode) return undefined;
    return this.#disposalOf(this.#checker.getTypeAtLocation(tsNode));
  }

  collectionKind(expression: Node): CollectionKind | undefined {
    const constructed = this.#constructedCollectionKind(expression);
    if (constructed) return constructed.kind;
    if (this.#isNamedObjectLiteral(expression)) return undefined;
    const type = this.#valueType(expression);
    if (!type) return this.syntactic.collectionKind(expression);
    return this.#collectionKindOf(type, this.matchType(type)?.kind === 'collection');
  }

  /**
   * `new X(…)` (a field's `new OrderedMap()`): the kind all the types it can evaluate to agree on
   * (see constructedTypes), read without resolving the expression. Undefined when they do not tell.
   */
  #constructedCollectionKind(expression: Node): { kind: CollectionKind | undefined } | undefined {
    const tsNode = this.services.esTreeNodeToTSNodeMap.get(expression);
    if (!tsNode || !ts.isNewExpression(tsNode)) return undefined;
    const types = constructedTypes(this.#checker, tsNode);
    if (!types) return undefined;
    // A class or interface matches the registry by its hierarchy (matchType's other way, a
    // Disposable type, makes a handle, never a collection).
    const kinds = new Set(types.map((type) => this.#collectionKindOf(type, this.#matchHierarchy(type)?.kind === 'collection')));
    const [kind] = kinds;
    // A record is an object of index signatures only: left to the expression's own type.
    return kinds.size === 1 && kind !== 'record' ? { kind } : undefined;
  }

  /**
   * `{ ref, data: … }`: an object literal with a property of its own is no collection — its type
   * has a named member, the lib's and the registry's types are not object literals — whatever its
   * values are, which typing it would check one by one.
   */
  #isNamedObjectLiteral(expression: Node): boolean {
    const tsNode = this.services.esTreeNodeToTSNodeMap.get(expression);
    if (!tsNode || !ts.isObjectLiteralExpression(tsNode) || tsNode.flags & ts.NodeFlags.JavaScriptFile) return false;
    // Not `__proto__: base`, which sets the prototype rather than naming a member.
    return tsNode.properties.some(
      (property) => !ts.isSpreadAssignment(property) && property.name !== undefined && !ts.isComputedPropertyName(property.name) && (property.name as ts.Identifier | ts.StringLiteral | ts.NumericLiteral).text !== '__proto__',
    );
  }

  /** The collection kind of a value's type (`bounded`: the registry lists it as a bounded collection). */
  #collectionKindOf(type: ts.Type, bounded: boolean): CollectionKind | undefined {
    if (bounded) return 'bounded';
    if (this.#checker.isArrayType(type)) return 'array';
    const libName = this.#libTypeName(type);
    if (libName === 'Map') return 'map';
    if (libName === 'Set') return 'set';
    if (libName === 'WeakMap' || libName === 'WeakSet' || libName === 'WeakRef') return 'weak';
    // `Record<string, V>` is the standard library's mapped type: its symbol is lib's too.
    if (this.#isIndexSignatureObject(type)) return 'record';
    return undefined;
  }

  hasFiniteKeys(expression: Node): boolean | undefined {
    const type = this.#valueType(expression);
    if (!type) return undefined;
    const libName = this.#libTypeName(type);
    if (libName === 'Map' || libName === 'Set') {
      const key = this.#checker.getTypeArguments(type as ts.TypeReference)[0];
      return key ? isFiniteType(key) : undefined;
    }
    // An index signature is keyed by `string`, `number` or a template pattern: never finite.
    return this.#isIndexSignatureObject(type) ? false : undefined;
  }

  /**
   * The checker's type of the parameter, annotated or contextual (`createServer((req, res) => …)`,
   * `const list: RequestHandler = (req, res) => …`), matched through aliases and base types.
   */
  requestScopedType(parameter: TSESTree.Parameter): RequestScopedMatch | undefined {
    let tsNode: ts.Node | undefined = this.services.esTreeNodeToTSNodeMap.get(parameter);
    while (tsNode && !ts.isParameter(tsNode)) tsNode = tsNode.parent;
    if (!tsNode) return this.syntactic.requestScopedType(parameter);
    const type = this.#checker.getNonNullableType(this.#checker.getTypeAtLocation((tsNode).name));
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return undefined;
    const candidates = type.isUnion() ? type.types : [type];
    for (const candidate of candidates) {
      const match = this.#findInHierarchy(candidate, (symbol) => this.#requestScopedMatch(symbol));
      if (match) return match;
    }
    return undefined;
  }

  eventSourceKind(expression: Node): EventSourceKind | undefined {
    const type = this.#valueType(expression);
    if (!type) return undefined;
    const candidates = type.isUnion() ? type.types : [type];
    for (const candidate of candidates) {
      const kind = this.#findInHierarchy(candidate, (symbol) => this.#eventSourceSymbol(symbol));
      if (kind) return kind;
    }
    return 'other';
  }

  declaresMethod(expression: Node, method: string): boolean | undefined {
    const type = this.#valueType(expression);
    if (!type || type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return undefined;
    const tsNode = this.services.esTreeNodeToTSNodeMap.get(expression);
    const candidates = type.isUnion() ? type.types : [type];
    return candidates.every((candidate) => {
      const property = candidate.getProperty(method);
      if (!property || !tsNode || this.#checker.getTypeOfSymbolAtLocation(property, tsNode).getCallSignatures().length === 0) return false;
      // `close(): void {}` ends nothing: only a declared signature or a body that does something counts.
      const declarations = property.getDeclarations() ?? [];
      return declarations.length === 0 || declarations.some((declaration) => !ts.isMethodDeclaration(declaration) || !declaration.body || declaration.body.statements.length > 0);
    });
  }

  specifiedNotToThrow(call: TSESTree.CallExpression): boolean {
    const tsCall = this.services.esTreeNodeToTSNodeMap.get(call);
    return tsCall !== undefined && ts.isCallExpression(tsCall) && specifiedNotToThrow(this.#checker, this.services.program, tsCall);
  }

  classUsesElsewhere(classId: TSESTree.Identifier): ClassUsesElsewhere | undefined {
    const tsIdentifier = this.services.esTreeNodeToTSNodeMap.get(classId);
    const symbol = tsIdentifier && this.#checker.getSymbolAtLocation(tsIdentifier);
    if (!symbol) return undefined;
    return classUsesElsewhere(this.services.program, this.#checker, symbol, tsIdentifier.getSourceFile());
  }

  constructsGenericClass(expression: TSESTree.NewExpression): boolean | undefined {
    const callee = this.#valueType(expression.callee);
    if (!callee || callee.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return undefined;
    const signatures = callee.getConstructSignatures();
    if (signatures.length === 0) return undefined;
    return signatures.some((signature) => (signature.getTypeParameters()?.length ?? 0) > 0);
  }

  isWritableStream(expression: Node): boolean | undefined {
    const type = this.#valueType(expression);
    if (!type) return undefined;
    const candidates = type.isUnion() ? type.types : [type];
    return candidates.some((candidate) => this.#findInHierarchy(candidate, (symbol) => this.#isNodeWritableSymbol(symbol)) === true);
  }

  /** node's `stream.Writable`, and `stream.Duplex` (which `implements` Writable rather than extending it). */
  #isNodeWritableSymbol(symbol: ts.Symbol): true | undefined {
    const name = symbol.getName();
    if (name !== 'Writable' && name !== 'Duplex') return undefined;
    const declarations = symbol.getDeclarations() ?? [];
    return declarations.some((declaration) => isDeclaredInNodeOrLib(declaration, this.services.program) && !this.services.program.isSourceFileDefaultLibrary(declaration.getSourceFile())) || undefined;
  }

  /**
   * `EventEmitter` wherever it is declared (node's `events`, the `events` and `eventemitter3`
   * packages, a project's own), `EventTarget` and `AbortSignal` of the standard library or node.
   */
  #eventSourceSymbol(symbol: ts.Symbol): Exclude<EventSourceKind, 'other'> | undefined {
    const name = symbol.getName();
    if (name === 'EventEmitter') return 'emitter';
    if (name !== 'EventTarget' && name !== 'AbortSignal') return undefined;
    const declarations = symbol.getDeclarations() ?? [];
    if (!declarations.some((declaration) => isDeclaredInNodeOrLib(declaration, this.services.program))) return undefined;
    return name === 'AbortSignal' ? 'abort-signal' : 'event-target';
  }

  subscriptionRelease(call: TSESTree.CallExpression): SubscriptionRelease | undefined {
    const type = this.#valueType(call);
    if (!type || type.isUnion()) return undefined;
    const callable = (name: string) => {
      const property = type.getProperty(name);
      return property !== undefined && this.#checker.getTypeOfSymbol(property).getCallSignatures().length > 0;
    };
    // A promise (`await redis.subscribe(…)`) is no subscription handle.
    if (callable('then')) return undefined;
    if (callable('unsubscribe')) return 'unsubscribe';
    if (callable('dispose') || type.getProperties().some((property) => property.getName() === '__@dispose' || property.getName().startsWith('__@dispose@'))) return 'dispose';
    // `() => void`: an unsubscribe function, which takes nothing.
    const signatures = type.getCallSignatures();
    if (signatures.length > 0 && type.getProperties().length === 0 && signatures.every((signature) => signature.getParameters().every(isOptionalParameter))) return 'call';
    return undefined;
  }

  admitsNullish(typeNode: TSESTree.TypeNode): boolean {
    const tsNode = this.services.esTreeNodeToTSNodeMap.get(typeNode) as ts.TypeNode | undefined;
    if (!tsNode) return this.syntactic.admitsNullish(typeNode);
    return admitsNullishType(this.#checker.getTypeFromTypeNode(tsNode));
  }

  /** The value's type without null/undefined; undefined when the checker knows nothing (`any`). */
  #valueType(expression: Node): ts.Type | undefined {
    const tsNode = this.services.esTreeNodeToTSNodeMap.get(expression);
    if (!tsNode) return undefined;
    const type = this.#checker.getNonNullableType(this.#checker.getTypeAtLocation(tsNode));
    return type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown) ? undefined : type;
  }

  /** `Map`, `Set`, `WeakMap` … when the type is the standard library's own (or a subclass of it). */
  #libTypeName(type: ts.Type): string | undefined {
    let level: readonly ts.Type[] = [type];
    for (let depth = 0; depth < MAX_BASE_DEPTH && level.length > 0; depth++) {
      for (const candidate of level) {
        const symbol = candidate.getSymbol();
        const declarations = symbol?.getDeclarations() ?? [];
        if (symbol && declarations.some((declaration) => this.services.program.isSourceFileDefaultLibrary(declaration.getSourceFile()))) {
          return symbol.getName();
        }
      }
      level = level.flatMap((candidate) => this.#baseTypes(candidate));
    }
    return undefined;
  }

  /** `Record<string, V>`, `{ [id: string]: V }`: an object of index signatures and nothing else. */
  #isIndexSignatureObject(type: ts.Type): boolean {
    if (!(type.flags & ts.TypeFlags.Object) || type.getCallSignatures().length > 0) return false;
    return this.#checker.getIndexInfosOfType(type).length > 0 && type.getProperties().length === 0;
  }

  /** The registry entry for a type: the most derived level of its hierarchy that matches wins. */
  matchType(type: ts.Type): ResourceEntry | undefined {
    const cached = this.#typeMatches.get(type);
    if (cached !== undefined) return cached ?? undefined;
    const entry = this.#matchTypeUncached(type);
    this.#typeMatches.set(type, entry ?? null);
    return entry;
  }

  #matchTypeUncached(type: ts.Type): ResourceEntry | undefined {
    const candidates = type.isUnion() ? type.types.filter((part) => !(part.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void))) : [type];
    for (const candidate of candidates) {
      const entry = this.#matchHierarchy(candidate) ?? this.#disposableEntry(candidate);
      if (entry) return entry;
    }
    return undefined;
  }

  #matchHierarchy(type: ts.Type): ResourceEntry | undefined {
    return this.#findInHierarchy(type, (symbol) => this.#matchSymbol(symbol));
  }

  /**
   * The first symbol of the type's hierarchy that `match` accepts: the type's own alias, then each
   * part of an intersection and its base types, level by level (the most derived level first).
   */
  #findInHierarchy<T>(type: ts.Type, match: (symbol: ts.Symbol) => T | undefined): T | undefined {
    // kafkajs declares `type Producer = Sender & { … }`, grpc-js `type ServerUnaryCall = ServerSurfaceCall & …`:
    // the alias is the only name the whole type has, and splitting the intersection first would lose it.
    const aliased = type.aliasSymbol && match(type.aliasSymbol);
    if (aliased) return aliased;
    let level: ts.Type[] = type.isIntersection() ? [...type.types] : [type];
    const seen = new Set<ts.Type>();
    for (let depth = 0; depth < MAX_BASE_DEPTH && level.length > 0; depth++) {
      for (const candidate of level) {
        // An object literal type's own symbol is the anonymous `__type` (kafkajs `type Consumer = { … }`):
        // its alias, if any, names it.
        const found = (candidate.aliasSymbol && match(candidate.aliasSymbol)) || (candidate.getSymbol() && match(candidate.getSymbol()!));
        if (found) return found;
      }
      const next: ts.Type[] = [];
      for (const candidate of level) {
        for (const base of this.#baseTypes(candidate)) {
          if (!seen.has(base)) {
            seen.add(base);
            next.push(base);
          }
        }
      }
      level = next;
    }
    return undefined;
  }

  /** The registry entry whose type specifier names this symbol's declaration (package, lib or file). */
  #matchSymbol(symbol: ts.Symbol): ResourceEntry | undefined {
    const declarations = symbol.getDeclarations();
    if (!declarations) return undefined;
    const name = symbol.getName();
    for (const entry of this.registry.entries) {
      for (const spec of entry.types ?? []) {
        if (spec.name !== name) continue;
        if (declarations.some((declaration) => declarationMatches(declaration, spec, this.services.program))) {
          return entry;
        }
      }
    }
    return undefined;
  }

  /** express's `Request` (or another request-scoped type) when the symbol declares it; else undefined. */
  #requestScopedMatch(symbol: ts.Symbol): RequestScopedMatch | undefined {
    const declarations = symbol.getDeclarations();
    if (!declarations) return undefined;
    const name = symbol.getName();
    const matched = requestScopedTypes.find(
      (entry) => entry.type.name === name && declarations.some((declaration) => declarationMatches(declaration, entry.type, this.services.program)),
    );
    return matched ? { name, entry: matched } : undefined;
  }

  #baseTypes(type: ts.Type): readonly ts.Type[] {
    const target =
      type.flags & ts.TypeFlags.Object && (type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference
        ? (type as ts.TypeReference).target
        : type;
    if (!(target.flags & ts.TypeFlags.Object)) return [];
    if (!((target as ts.ObjectType).objectFlags & ts.ObjectFlags.ClassOrInterface)) return [];
    return this.#checker.getBaseTypes(target as ts.InterfaceType);
  }

  #disposalOf(type: ts.Type): 'async' | 'sync' | undefined {
    const names = this.#checker.getPropertiesOfType(this.#checker.getNonNullableType(type)).map((p) => p.escapedName as string);
    if (names.some((name) => name.startsWith('__@asyncDispose@'))) return 'async';
    if (names.some((name) => name.startsWith('__@dispose@'))) return 'sync';
    return undefined;
  }

  /**
   * Anything with `[Symbol.dispose]`/`[Symbol.asyncDispose]` is a handle, except node's and the
   * standard library's own types: @types/node adds disposal to timers, servers and every stream,
   * which the registry already classifies (a timer is not a handle to close in `finally`).
   */
  #disposableEntry(type: ts.Type): ResourceEntry | undefined {
    const symbol = type.getSymbol();
    const declarations = symbol?.getDeclarations();
    if (!symbol || !declarations || declarations.length === 0) return undefined;
    if (declarations.some((declaration) => isDeclaredInNodeOrLib(declaration, this.services.program))) return undefined;
    const disposal = this.#disposalOf(type);
    if (!disposal) return undefined;
    const callable = (name: string) => {
      const property = type.getProperty(name);
      return property !== undefined && this.#checker.getTypeOfSymbol(property).getCallSignatures().length > 0;
    };
    return disposableEntries[disposal](symbol.getName(), BODY_READS.every(callable) ? BODY_READS : []);
  }

  /**
   * `db.withSchema('app')`, `db.withPlugin(p)`: a method of a disposable class of the project or a
   * library that returns the receiver's own class is a view that shares the receiver's resources
   * (kysely's query builders share its connection pool; disposing one would destroy the pool), not a
   * new handle this function must dispose. Registry resources keep their own rules (ioredis
   * `duplicate()` does open a connection).
   */
  #isDerivedView(node: ts.CallExpression | ts.NewExpression, resultType: ts.Type): boolean {
    if (!ts.isCallExpression(node) || !(ts.isPropertyAccessExpression(node.expression) || ts.isElementAccessExpression(node.expression))) return false;
    if (this.#matchHierarchy(resultType)) return false;
    const symbol = this.#checker.getNonNullableType(resultType).getSymbol();
    const receiver = this.#checker.getNonNullableType(this.#checker.getTypeAtLocation(node.expression.expression));
    return symbol !== undefined && symbol === receiver.getSymbol();
  }

  #signatureDeclaration(call: TSESTree.CallExpression | TSESTree.NewExpression): ts.SignatureDeclaration | undefined {
    const tsNode = this.services.esTreeNodeToTSNodeMap.get(call) as ts.CallLikeExpression | undefined;
    if (!tsNode) return undefined;
    const declaration = this.#checker.getResolvedSignature(tsNode)?.getDeclaration();
    return declaration && !ts.isJSDocSignature(declaration) ? declaration : undefined;
  }

  /**
   * `new X()` creates. A call creates when its callee is a library function that returns a concrete
   * type (not `this`, not a type parameter: `src.pipe(dest)` returns `dest`), or a function of this
   * project whose body returns something it created (a getter returning a stored handle does not), or
   * one of the project's built declarations whose name says it makes something (see
   * declaredByBuiltProjectCode).
   */
  #createsValue(node: ts.CallExpression | ts.NewExpression, depth: number): boolean {
    if (ts.isNewExpression(node)) return true;
    const signature = this.#checker.getResolvedSignature(node);
    if (!signature || this.#returnsWhatItHolds(signature)) return false;
    if (this.#resolvesToReceiver(node)) return false;
    const declaration = signature.getDeclaration();
    // The project's own built code: only a name that says it makes something (`createQueue()`) creates.
    if (declaredByBuiltProjectCode(declaration)) return mayMakeConnectionOwner(node);
    if (declaration.getSourceFile().isDeclarationFile) return true;
    return this.#isFactory(declaration, depth);
  }

  /**
   * Declared to return `this` or a type parameter (`src.pipe(dest)` returns `dest`; `map.get(key)`
   * returns `V | undefined`), or with no
   * declaration to read (the untyped signature, a JSDoc one): not a function that creates.
   */
  #returnsWhatItHolds(signature: ts.Signature): boolean {
    // Typed as always present; the untyped signature has none.
    const declaration = signature.getDeclaration() as ts.SignatureDeclaration | ts.JSDocSignature | undefined;
    if (!declaration || ts.isJSDocSignature(declaration)) return true;
    const returnType = declaration.type;
    if (!returnType) return false;
    if (returnType.kind === ts.SyntaxKind.ThisType) return true;
    // Asked for every overload of every call's callee: the answer is the written return's own.
    let holds = returnsTypeParameter.get(returnType);
    if (holds === undefined) {
      // `get(key: K): V | undefined` (Map's, a cache's): what it holds, or nothing; `catch(…):
      // Promise<T | TResult>` (a promise's own chaining): what it settles with, passed through.
      const settledWith = isPromiseReference(returnType) ? (returnType as ts.TypeReferenceNode).typeArguments?.[0] : returnType;
      const promised = settledWith && this.#checker.getTypeFromTypeNode(settledWith);
      const parts = promised?.isUnion() ? promised.types : promised ? [promised] : [];
      const held = parts.filter((part) => !(part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void | ts.TypeFlags.Never)));
      holds = held.length > 0 && held.every((part) => (part.flags & ts.TypeFlags.TypeParameter) !== 0);
      returnsTypeParameter.set(returnType, holds);
    }
    return holds;
  }

  /** The return type as written, if the signature has a (non-JSDoc) declaration that writes one. */
  #declaredReturn(signature: ts.Signature): ts.TypeNode | undefined {
    const declaration = signature.getDeclaration() as ts.SignatureDeclaration | ts.JSDocSignature | undefined;
    return declaration && !ts.isJSDocSignature(declaration) ? declaration.type : undefined;
  }

  /**
   * `await client.connect()`: @types/pg declares `Client.connect(): Promise<Client>`, a promise of
   * the receiver itself once connected, not a second client. A synchronous method returning its own
   * class (ioredis `duplicate()`) does create one, so only promises of the receiver's type count.
   */
  #resolvesToReceiver(node: ts.CallExpression): boolean {
    if (!ts.isPropertyAccessExpression(node.expression) && !ts.isElementAccessExpression(node.expression)) return false;
    const returned = this.#checker.getTypeAtLocation(node);
    const awaited = this.#checker.getAwaitedType(returned);
    if (!awaited || awaited === returned) return false;
    const receiver = this.#checker.getNonNullableType(this.#checker.getTypeAtLocation(node.expression.expression));
    const symbol = awaited.getSymbol();
    return symbol !== undefined && symbol === receiver.getSymbol();
  }

  #isFactory(declaration: ts.SignatureDeclaration, depth: number): boolean {
    const cached = this.#factories.get(declaration);
    if (cached !== undefined) return cached;
    if (depth >= MAX_FACTORY_DEPTH) return false;
    this.#factories.set(declaration, false);
    const body = (declaration as ts.FunctionLikeDeclaration).body;
    const returned: ts.Expression[] = [];
    if (body && ts.isBlock(body)) {
      const visit = (node: ts.Node): void => {
        if (ts.isFunctionLike(node)) return;
        if (ts.isReturnStatement(node) && node.expression) returned.push(node.expression);
        ts.forEachChild(node, visit);
      };
      ts.forEachChild(body, visit);
    } else if (body) {
      returned.push(body);
    }
    const result = returned.some((expression) => this.#isCreatedValue(expression, declaration, depth + 1));
    this.#factories.set(declaration, result);
    return result;
  }

  #keptLocal(local: ts.Identifier, owner: ts.Node): boolean {
    return keptLocalIn(this.#checker, local, owner);
  }

  #isCreatedValue(expression: ts.Expression, owner: ts.Node, depth: number): boolean {
    let node: ts.Expression = expression;
    while (
      ts.isParenthesizedExpression(node) ||
      ts.isAwaitExpression(node) ||
      ts.isAsExpression(node) ||
      ts.isNonNullExpression(node) ||
      ts.isSatisfiesExpression(node)
    ) {
      node = node.expression;
    }
    if (ts.isNewExpression(node) || ts.isCallExpression(node)) {
      if (!this.#createsValue(node, depth)) return false;
      const type = this.#checker.getAwaitedType(this.#checker.getTypeAtLocation(node));
      return type !== undefined && this.matchType(type) !== undefined;
    }
    if (ts.isIdentifier(node)) {
      const declaration = this.#checker.getSymbolAtLocation(node)?.valueDeclaration;
      if (
        declaration &&
        ts.isVariableDeclaration(declaration) &&
        declaration.initializer &&
        declaration.pos >= owner.pos &&
        declaration.end <= owner.end &&
        this.#keptLocal(node, owner)
      ) {
        return this.#isCreatedValue(declaration.initializer, owner, depth);
      }
    }
    return false;
  }
}

/**
 * Whether the function keeps the local to itself until it returns it: returned, or the receiver of a
 * method call. One also put in a cache or a field (`this.clients.set(name, client); return client`)
 * is the cache's, and the function is a get-or-create, not a factory (as for the untyped oracle).
 */
function keptLocalIn(checker: ts.TypeChecker, local: ts.Identifier, owner: ts.Node): boolean {
  const symbol = checker.getSymbolAtLocation(local);
  if (!symbol) return false;
  let kept = true;
  const visit = (node: ts.Node): void => {
    if (!kept) return;
    if (ts.isIdentifier(node) && node !== local && checker.getSymbolAtLocation(node) === symbol) {
      let value: ts.Node = node;
      while (ts.isParenthesizedExpression(value.parent) || ts.isAsExpression(value.parent) || ts.isNonNullExpression(value.parent)) value = value.parent;
      const parent = value.parent;
      const declaring = ts.isVariableDeclaration(parent) && parent.name === value;
      const returned = ts.isReturnStatement(parent);
      const receiver = (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === value;
      if (!declaring && !returned && !receiver) kept = false;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(owner, visit);
  return kept;
}

/** The identifier a signature's (non-JSDoc) declaration is named by, if any. */
function declaredName(signature: ts.Signature): string | undefined {
  // Typed as always present; the untyped signature has none.
  const declaration = signature.getDeclaration() as ts.SignatureDeclaration | ts.JSDocSignature | undefined;
  if (!declaration || ts.isJSDocSignature(declaration)) return undefined;
  return declaration.name && ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
}

/** `pool.promise()`, `cursor.map(f)`: a chaining method of the resource returns the same resource, not a new one. */
function isChainingCall(call: Node, entry: ResourceEntry): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression || !entry.chainingMethods) return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return false;
  return entry.chainingMethods.includes(callee.property.name);
}

/**
 * `page.browser()`, `page.context()`: a call that returns a type only its factories make, and is not
 * one of them (by name: `launch` for `puppeteer.launch`, `chromium.launch`; `newPage`), hands back an
 * existing one.
 */
function isAccessorOfFactoryMadeType(call: Node, entry: ResourceEntry): boolean {
  if (!entry.madeOnlyByFactories || call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(call.callee);
  const name =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier
        ? callee.property.name
        : undefined;
  const factoryNames = (entry.factories ?? []).map((factory) => ('method' in factory ? factory.method : factory.name.split('.').at(-1)));
  return name === undefined || !factoryNames.includes(name);
}

const FINITE_FLAGS = ts.TypeFlags.Literal | ts.TypeFlags.BooleanLike | ts.TypeFlags.EnumLike | ts.TypeFlags.Null | ts.TypeFlags.Undefined;

/** `'a' | 'b'`, an enum, `boolean`: a Map keyed by it holds at most as many entries as it has members. */
function isFiniteType(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.every((member) => isFiniteType(member));
  return (type.flags & FINITE_FLAGS) !== 0 && !(type.flags & ts.TypeFlags.Never);
}

function admitsNullishType(type: ts.Type): boolean {
  if (type.flags & ts.TypeFlags.Any) return false;
  if (type.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Unknown)) return true;
  // An unconstrained type parameter may be instantiated with undefined.
  if (type.flags & ts.TypeFlags.TypeParameter) {
    const constraint = type.getConstraint?.();
    return !constraint || admitsNullishType(constraint);
  }
  return type.isUnion() && type.types.some((member) => admitsNullishType(member));
}

function isOptionalParameter(symbol: ts.Symbol): boolean {
  const declaration = symbol.valueDeclaration;
  return declaration !== undefined && ts.isParameter(declaration) && (declaration.questionToken !== undefined || declaration.initializer !== undefined || declaration.dotDotDotToken !== undefined);
}

/** `Promise<…>` or `PromiseLike<…>` as written. */
function isPromiseReference(node: ts.TypeNode): boolean {
  return ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && (node.typeName.text === 'Promise' || node.typeName.text === 'PromiseLike');
}
