import type { ClassUsesElsewhere } from './class-instantiations';
import type { TSESTree } from '@typescript-eslint/utils';
import type { CollectionKind } from '../collections/collection-kind';
import type { RequestScopedType } from '../lifetime/request-scoped-types';
import type { ResourceEntry } from '../registry/resource-entry';
import type { GrpcCallSignature } from './grpc-call-signature';

/** A parameter's request-scoped type: the name it goes by (a subclass's own), and the entry it matched. */
export interface RequestScopedMatch {
  readonly name: string;
  readonly entry: RequestScopedType;
}

/**
 * What the engine asks about values. Two implementations: the typed one uses the TypeScript checker
 * (exact types, factories' return types, base classes); the untyped one reads imports and
 * constructor names, so `recommended` works in a pre-commit hook without type information.
 */
export interface TypeOracle {
  readonly typed: boolean;
  /**
   * The resource that evaluating `expression` acquires: `expression` is a `new`, a call, or an
   * `await` of one. A promise of a resource is not the resource.
   */
  acquisition(expression: TSESTree.Node): ResourceEntry | undefined;
  /**
   * Typed only: a package's value the registry does not list that its declared shape shows to own a
   * connection (see connection-owner-shape); no-client-per-call's last resort.
   */
  connectionOwner?(expression: TSESTree.Node): ResourceEntry | undefined;
  /**
   * The resource the promise that `call` returns resolves to: `pool.getConnection().then((conn) => …)`
   * acquires in its continuation what `await pool.getConnection()` acquires.
   */
  settledAcquisition(call: TSESTree.CallExpression): ResourceEntry | undefined;
  /** Does `call` call the package function `pkg`.`name` (e.g. `fs`.`closeSync`, `stream`.`pipeline`)? */
  callsPackageFunction(call: TSESTree.CallExpression, pkg: string, name: string): boolean;
  /** The module a callee comes from, if the oracle can tell ("fs" for `fs.readSync`). */
  calleeModule(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined;
  /**
   * Typed: does this method call evaluate to its receiver — a `this` return type, or a promise of the
   * receiver itself (mongodb's `client.connect(): Promise<this>`)? Then `return await client.connect()`
   * hands the client out. Untyped: false.
   */
  returnsReceiver(call: TSESTree.CallExpression): boolean;
  /** Typed mode: does the acquired value implement `[Symbol.asyncDispose]` / `[Symbol.dispose]`? */
  disposal(expression: TSESTree.Node): 'async' | 'sync' | undefined;
  /**
   * What a value is as a collection: Map, Set, array, index-signature object, weak, or a
   * registry-declared bounded cache. Typed: from the checker (factories, aliases, `Record<string, V>`);
   * untyped: from `new X()` and the registry's constructors.
   */
  collectionKind(expression: TSESTree.Node): CollectionKind | undefined;
  /** Typed: is the key type of this Map/Set/record finite (literal union, enum, boolean)? Untyped: undefined. */
  hasFiniteKeys(expression: TSESTree.Node): boolean | undefined;
  /**
   * The request/response/call type this parameter has (`IncomingMessage`, express `Request`, grpc-js
   * `ServerUnaryCall` …): a function taking one is a per-request handler wherever it is declared.
   * Typed: the checker's type, annotated or contextual, through aliases and base types; untyped: the
   * annotation as written, resolved through the imports. Undefined when it is none of them.
   */
  requestScopedType(parameter: TSESTree.Parameter): RequestScopedMatch | undefined;
  /** Can a value of this written type be null, undefined or unknown? lru-cache's `K extends {}, V extends {}` rejects it. */
  admitsNullish(typeNode: TSESTree.TypeNode): boolean;
  /**
   * The registry resource a value is (not one it acquires): typed, from its type and base types;
   * untyped, from how the variable or field was made or annotated (`const c = new Client(…)`,
   * `this.client` declared `client: Client`). Undefined when the oracle cannot tell.
   */
  valueResource(expression: TSESTree.Node): ResourceEntry | undefined;
  /**
   * Typed: the gRPC call `call` makes, read from the overload it resolves to (see
   * grpcCallSignature); `'not-rpc'` when the checker knows it is none. Untyped, or when the checker
   * cannot tell (an `any` receiver, a generic client's `Function` methods): undefined.
   */
  grpcCall(call: TSESTree.CallExpression): GrpcCallSignature | 'not-rpc' | undefined;
  /**
   * What kind of event source a value is, by the declaration site of its type and its base types: a
   * node `EventEmitter` (`process`, a ws or socket.io socket, a user's subclass), a DOM or node
   * `EventTarget` (`window`, `document`, an element), an `AbortSignal`; `other` when the checker knows
   * the type and it is none of these (a jQuery set, an RxJS subject). Untyped: undefined.
   */
  eventSourceKind(expression: TSESTree.Node): EventSourceKind | undefined;
  /**
   * Typed: how the value a subscribe-style call returns ends its subscription — an RxJS-style
   * `Subscription` (`unsubscribe()`), an unsubscribe function to call, a disposable (`dispose()`,
   * `[Symbol.dispose]()`); undefined when the result is none of these (a promise, `void`, `this`).
   * Untyped: undefined (the detectors read RxJS by its import bindings).
   */
  subscriptionRelease(call: TSESTree.CallExpression): SubscriptionRelease | undefined;
  /**
   * Typed: the property names an object value certainly has and no others — the checker's type is an
   * object literal's or a type literal's (`export const OPTIONS = { … }` in another module, a function
   * returning one, `declare const o: { … }`).
   * Undefined when it cannot list them: untyped, `any`, a union, an index signature, a declared
   * interface (a value of it may carry more at run time).
   */
  literalPropertyNames(expression: TSESTree.Node): readonly string[] | undefined;
  /**
   * Typed: is the value a node `stream` Writable (a `Writable` or `Duplex` of node's `stream` module
   * in its type's hierarchy: `ServerResponse`, `net.Socket`, `fs.WriteStream`, zlib and http2 streams,
   * grpc-js writable calls)? `false` when the checker knows the type and it is none. Untyped: undefined.
   */
  isWritableStream(expression: TSESTree.Node): boolean | undefined;
  /**
   * Typed: does the value's type have a callable `method` (every member of a union) that does
   * something — a declared signature, or a body with statements (`close(): void {}` ends nothing)?
   * `false` when the checker knows the type and it has none; undefined untyped, or for `any`/`unknown`.
   */
  declaresMethod(expression: TSESTree.Node, method: string): boolean | undefined;
  /**
   * Whether the class `new X(…)` constructs declares type parameters (`HttpsProxyAgent<Uri>`): its
   * bare name is then no type. Undefined without type information.
   */
  constructsGenericClass(expression: TSESTree.NewExpression): boolean | undefined;
  /**
   * Typed: the call resolves only to methods specified never to throw on valid arguments —
   * OpenTelemetry's API (`span.setAttribute`), the lib's Map/Set/array reads and writes — and passes
   * no callback that would run user code. Untyped: false (a receiver's type is unknown).
   */
  specifiedNotToThrow(call: TSESTree.CallExpression): boolean;
  /**
   * Typed: how the program's other source files (not packages, declaration files or tests) use the
   * class named by `classId`: where they instantiate it, and whether some use can make instances
   * nobody sees (a subclass, the class handed on as a value). Untyped: undefined (other files are
   * not read).
   */
  classUsesElsewhere(classId: TSESTree.Identifier): ClassUsesElsewhere | undefined;
}

export type SubscriptionRelease = 'unsubscribe' | 'call' | 'dispose';

export type EventSourceKind = 'emitter' | 'event-target' | 'abort-signal' | 'other';
