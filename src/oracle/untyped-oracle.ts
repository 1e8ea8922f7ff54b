import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';
import { calledLocalFunction, returnedValues } from '../ast/local-functions';
import { argumentsPassedTo } from '../ast/parameter-arguments';
import { isFunction } from '../ast/predicates';
import { constructedKind, type CollectionKind } from '../collections/collection-kind';
import { requestScopedTypes } from '../lifetime/request-scoped-types';
import type { Registry } from '../registry/registry';
import { sameDeclaration, samePackage } from '../registry/registry';
import type { ConstructorFamily, ResourceEntry } from '../registry/resource-entry';
import type { DeclarationSpecifier } from '../registry/specifiers';
import { derivedTypes } from '../registry/derived-types';
import { clientHolderEntry } from './client-holders';
import { promisedClient } from '../ownership/promised-clients';
import { memberKey, registryLookups, type RegistryLookups } from './registry-lookups';
import { moduleBindings, resolveModuleMember, resolveTypeName, type ModuleMember } from './module-bindings';
import type { RequestScopedMatch, TypeOracle } from './type-oracle';

const ASSIGNING_OPERATORS = new Set(['=', '??=', '||=']);

function memberSpecifier(member: ModuleMember): DeclarationSpecifier | undefined {
  if (member.path.length === 0) return undefined;
  return { from: 'package', package: member.module, name: member.path.join('.') };
}

function namesPackageMember(spec: { from?: string; package?: string; name?: string }, member: ModuleMember): boolean {
  return (
    spec.from === 'package' &&
    samePackage(spec.package ?? '', member.module) &&
    // `import Redis from 'ioredis'; new Redis()`: the module itself is the default export.
    spec.name === (member.path.length === 0 ? 'default' : member.path.join('.'))
  );
}

/**
 * `new S3Client(…)` with S3Client from '@aws-sdk/client-s3': a class of a package family (every
 * `@aws-sdk/client-*` package exports its service's client under `<Service>Client`).
 */
function inFamily(family: ConstructorFamily, member: ModuleMember): boolean {
  const name = member.path.length === 1 ? member.path[0] : undefined;
  if (name === undefined || !member.module.startsWith(family.packagePrefix)) return false;
  if (family.nameSuffix !== undefined && name.endsWith(family.nameSuffix) && name.length > family.nameSuffix.length) return true;
  // `new S3(…)` from '@aws-sdk/client-s3': the aggregated client, named after the package.
  const service = member.module.slice(family.packagePrefix.length).replace(/-/g, '');
  return family.namedAfterPackage === true && service.length > 0 && name.toLowerCase() === service.toLowerCase();
}

/** `a || b`, `a ?? b`, `c ? a : b`: the values the expression can take; the expression itself otherwise. */
function alternatives(value: Node): Node[] {
  const node = unwrapExpression(value);
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator !== '&&') return [...alternatives(node.left), ...alternatives(node.right)];
  if (node.type === AST_NODE_TYPES.ConditionalExpression) return [...alternatives(node.consequent), ...alternatives(node.alternate)];
  return [node];
}

/**
 * `MongoClient.connect(url).catch(log)`: awaited, it settles to what `MongoClient.connect(url)`
 * resolves to (or to the handler's fallback), so it acquires what that call acquires. The promise
 * being handled, for `.catch(…)` and `.finally(…)` on a call; undefined otherwise.
 */
function handledPromise(call: TSESTree.CallExpression): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return undefined;
  const method = staticPropertyName(callee);
  if (method !== 'catch' && method !== 'finally') return undefined;
  const promise = unwrapExpression(callee.object);
  return promise.type === AST_NODE_TYPES.CallExpression || promise.type === AST_NODE_TYPES.NewExpression ? promise : undefined;
}

/** What `method` returns on a receiver of one of `types`, when the accessor table knows it. */
function derivedResults(types: readonly DeclarationSpecifier[], method: string, property = false): DeclarationSpecifier[] {
  return derivedTypes
    .filter((derived) => derived.method === method && (derived.property ?? false) === property && types.some((type) => sameDeclaration(type, derived.receiver)))
    .map((derived) => derived.result);
}

/** `x as Pool`, `<Pool>x` (through parentheses and `!`): the type the code asserts for `x`. */
function assertedType(expression: Node): TSESTree.TypeNode | undefined {
  let current = expression;
  while (current.type === AST_NODE_TYPES.TSNonNullExpression) current = current.expression;
  return current.type === AST_NODE_TYPES.TSAsExpression || current.type === AST_NODE_TYPES.TSTypeAssertion ? current.typeAnnotation : undefined;
}

/** Local subclasses of local subclasses of an imported class: deeper than this is not a pattern. */
const MAX_LOCAL_SUBCLASS_DEPTH = 4;

/** A factory that calls a factory that calls a factory is still a factory; past that we stop guessing. */
const MAX_LOCAL_FACTORY_DEPTH = 6;

/**
 * Imports, constructor names and annotations: `new Pool()` with Pool from 'pg', `fs.openSync(…)`,
 * `pool.connect()` where `pool` was built by `new pg.Pool()` or annotated `pool: Pool`.
 */
export class UntypedOracle implements TypeOracle {
  readonly typed: boolean = false;
  readonly #bindings;
  /** Guards receiver inference against `let a = b.x(); let b = a.y();` cycles. */
  readonly #inferring = new Set<Node>();
  /** The local factories being followed: guards `a()` returning `b()` returning `a()`. */
  readonly #followedFactories = new Set<Node>();
  /** A local factory's answer, for a bare call and for an awaited one. */
  readonly #factoryResults = new Map<Node, { awaited?: ResourceEntry | null; bare?: ResourceEntry | null }>();
  /** A class of this file: the holder entry it stands for, or null when it holds no client of its own. */
  readonly #holders = new Map<Node, ResourceEntry | null>();
  readonly #assignedFields = new Map<Node, Map<string, Node[]>>();
  /** A parameter's types from what the file's callers pass (see #parameterTypes). */
  readonly #parameterTypesMemo = new Map<Node, DeclarationSpecifier[]>();
  #followingArguments = false;

  readonly #lookups: RegistryLookups;

  constructor(
    private readonly program: TSESTree.Program,
    private readonly scopeManager: ScopeManagerLike,
    private readonly registry: Registry,
  ) {
    this.#bindings = moduleBindings(program);
    this.#lookups = registryLookups(registry);
  }

  acquisition(expression: Node): ResourceEntry | undefined {
    const outer = unwrapExpression(expression);
    const awaited = outer.type === AST_NODE_TYPES.AwaitExpression;
    const inner = awaited ? unwrapExpression((outer).argument) : outer;
    return this.#acquiredBy(inner, awaited);
  }

  #acquiredBy(inner: Node, awaited: boolean): ResourceEntry | undefined {
    if (inner.type === AST_NODE_TYPES.NewExpression) return this.#constructed(inner);
    if (inner.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const settled = awaited ? handledPromise(inner) : undefined;
    if (settled) return this.#acquiredBy(settled, true);
    return this.#called(inner, awaited) ?? this.#fromLocalFactory(inner, awaited);
  }

  settledAcquisition(call: TSESTree.CallExpression): ResourceEntry | undefined {
    return this.#called(call, true);
  }

  /**
   * `connection('mydb')` where `async function connection(db) { return mysql.createConnection(…) }`,
   * `this.#initProducer()` returning `kafka.producer()`: a function of this file that hands back a
   * client it acquires makes each call of it an acquisition (through other such functions too).
   * Clients only: a handle made by a helper is usually released by the helper's caller's caller.
   * An async function (or one returning an awaited factory's promise) acquires only when awaited.
   */
  #fromLocalFactory(call: TSESTree.CallExpression, awaited: boolean): ResourceEntry | undefined {
    const factory = calledLocalFunction(call, this.scopeManager);
    if (!factory) return undefined;
    // Typed mode asks this of every call the checker does not match: one look at each factory's body.
    const cached = this.#factoryResults.get(factory);
    const key = awaited ? 'awaited' : 'bare';
    const known = cached?.[key];
    if (known !== undefined) return known ?? undefined;
    const result = this.#factoryResult(factory, awaited);
    // A result cut short by the cycle guard is not the factory's own answer.
    if (this.#followedFactories.size === 0) this.#factoryResults.set(factory, { ...cached, [key]: result ?? null });
    return result;
  }

  #factoryResult(factory: FunctionNode, awaited: boolean): ResourceEntry | undefined {
    if (this.#followedFactories.has(factory) || this.#followedFactories.size >= MAX_LOCAL_FACTORY_DEPTH) return undefined;
    this.#followedFactories.add(factory);
    try {
      for (const value of returnedValues(factory, this.scopeManager)) {
        const returned = unwrapExpression(value);
        const inner = returned.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(returned.argument) : returned;
        if (inner.type !== AST_NODE_TYPES.CallExpression && inner.type !== AST_NODE_TYPES.NewExpression) continue;
        // `return new Promise((resolve) => connect(url, (err, client) => resolve(client)))`: awaited, a client.
        const promised = awaited ? promisedClient(inner, { ast: this.program, registry: this.registry, scopeManager: this.scopeManager, acquisition: (node) => this.acquisition(node) }) : undefined;
        if (promised) return promised;
        const acquired = (settled: boolean) =>
          inner.type === AST_NODE_TYPES.NewExpression ? this.#constructed(inner) : (this.#called(inner, settled) ?? this.#fromLocalFactory(inner, settled));
        // A plain function returning the client itself: any call of it acquires, awaited or not.
        const direct = !factory.async && returned.type !== AST_NODE_TYPES.AwaitExpression ? acquired(false) : undefined;
        if (direct?.kind === 'client' || direct?.kind === 'handle') return direct;
        // A promise of one (an async function, or an awaited factory's promise): only its `await` acquires.
        const settled = awaited ? acquired(true) : undefined;
        if (settled?.kind === 'client' || settled?.kind === 'handle') return settled;
      }
      return undefined;
    } finally {
      this.#followedFactories.delete(factory);
    }
  }

  callsPackageFunction(call: TSESTree.CallExpression, pkg: string, name: string): boolean {
    const member = resolveModuleMember(call.callee, this.#bindings);
    return member !== undefined && namesPackageMember({ from: 'package', package: pkg, name }, member);
  }

  calleeModule(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
    return resolveModuleMember(call.callee, this.#bindings)?.module;
  }

  returnsReceiver(): boolean {
    return false;
  }

  valueResource(expression: Node): ResourceEntry | undefined {
    const types = this.#receiverTypes(expression);
    if (types.length === 0) return undefined;
    return this.registry.entries.find((entry) => entry.types?.some((type) => types.some((known) => sameDeclaration(known, type))));
  }

  grpcCall(): undefined {
    return undefined;
  }

  disposal(): undefined {
    return undefined;
  }

  collectionKind(expression: Node): CollectionKind | undefined {
    if (this.acquisition(expression)?.kind === 'collection') return 'bounded';
    return constructedKind(expression);
  }

  hasFiniteKeys(): undefined {
    return undefined;
  }

  /** Only the written annotation: `req: Request` with Request from 'express', `call: grpc.ServerUnaryCall<A, B>`. */
  requestScopedType(parameter: TSESTree.Parameter): RequestScopedMatch | undefined {
    const target =
      parameter.type === AST_NODE_TYPES.TSParameterProperty
        ? parameter.parameter
        : parameter.type === AST_NODE_TYPES.AssignmentPattern
          ? parameter.left
          : parameter;
    if (target.type === AST_NODE_TYPES.AssignmentPattern) return this.requestScopedType(target.left);
    const annotation = 'typeAnnotation' in target ? target.typeAnnotation?.typeAnnotation : undefined;
    if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
    const member = resolveTypeName(annotation.typeName, this.#bindings);
    if (!member) return undefined;
    const entry = requestScopedTypes.find((candidate) => namesPackageMember(candidate.type, member));
    return entry ? { name: entry.type.name, entry } : undefined;
  }

  /** Only what is written: an alias such as `type Entry = User | undefined` needs the typed oracle. */
  /** Without types the detectors read event sources by shape (globals, imports, `new EventEmitter()`). */
  eventSourceKind(): undefined {
    return undefined;
  }

  /** Without types a subscribe call's result is unknown: the detectors read RxJS by its imports. */
  subscriptionRelease(): undefined {
    return undefined;
  }

  /** Without types the stream rules read writables by shape (a handler's `res`, a factory's stream). */
  declaresMethod(): undefined {
    return undefined;
  }

  constructsGenericClass(): undefined {
    return undefined;
  }

  specifiedNotToThrow(): boolean {
    return false;
  }

  classUsesElsewhere(): undefined {
    return undefined;
  }

  isWritableStream(): undefined {
    return undefined;
  }

  /** Without types only the source shows an object's properties: the detectors read literals themselves. */
  literalPropertyNames(): undefined {
    return undefined;
  }

  admitsNullish(typeNode: TSESTree.TypeNode): boolean {
    let nullish = false;
    walk(typeNode, (node) => {
      if (
        node.type === AST_NODE_TYPES.TSNullKeyword ||
        node.type === AST_NODE_TYPES.TSUndefinedKeyword ||
        node.type === AST_NODE_TYPES.TSVoidKeyword ||
        node.type === AST_NODE_TYPES.TSUnknownKeyword
      ) {
        nullish = true;
      }
      // `(x: string | undefined) => void` as a value is a function: not nullish itself; nor is
      // `CacheEntry<unknown>`, an object whatever its type arguments say.
      return !nullish && node.type !== AST_NODE_TYPES.TSFunctionType && node.type !== AST_NODE_TYPES.TSTypeLiteral && node.type !== AST_NODE_TYPES.TSTypeReference;
    });
    return nullish;
  }

  #constructed(node: TSESTree.NewExpression): ResourceEntry | undefined {
    const member = this.#constructedMember(node.callee, 0);
    if (!member) return this.#constructedFrom(node) ?? this.#clientHolder(node.callee);
    // `new GreeterClient(address, credentials)` with the class from a generated module: the
    // arguments say what the import's name cannot.
    return (
      this.#lookups.find(
        `class ${memberKey(member)}`,
        (entry) =>
          entry.types?.some((type) => namesPackageMember(type, member)) ||
          entry.factories?.some((factory) => 'from' in factory && namesPackageMember(factory, member)) ||
          entry.constructorFamilies?.some((family) => inFamily(family, member)),
      ) ??
      this.#constructedFrom(node) ??
      this.#clientHolder(node.callee)
    );
  }

  /**
   * `new ProfileModel()` where the class (of this file) makes a client for each instance and keeps it
   * in a field: the instance owns that client, and dropping the instance drops it open (see
   * client-holders). A subclass of a registry class is that class, above.
   */
  #clientHolder(callee: Node): ResourceEntry | undefined {
    const unwrapped = unwrapExpression(callee);
    if (unwrapped.type !== AST_NODE_TYPES.Identifier) return undefined;
    const classNode = this.#localClass(unwrapped.name);
    if (!classNode) return undefined;
    const known = this.#holders.get(classNode);
    if (known !== undefined) return known ?? undefined;
    // A class whose constructor builds another instance of itself: not a holder while being judged.
    this.#holders.set(classNode, null);
    const entry = clientHolderEntry(classNode, (expression) => this.acquisition(expression));
    this.#holders.set(classNode, entry ?? null);
    return entry;
  }

  /**
   * `new proto[service](address, grpc.credentials.createInsecure())`: a constructor the source cannot
   * name, recognised by an argument only its kind of resource is built from (the entry's
   * `constructedWith`), passed directly or through a variable of this function.
   */
  #constructedFrom(node: TSESTree.NewExpression): ResourceEntry | undefined {
    const candidates = this.registry.entries.filter((entry) => entry.constructedWith);
    if (candidates.length === 0) return undefined;
    for (const argument of node.arguments) {
      let value = unwrapExpression(argument);
      if (value.type === AST_NODE_TYPES.Identifier) {
        const definition = findVariable(this.scopeManager, value)?.defs[0]?.node;
        if (definition?.type !== AST_NODE_TYPES.VariableDeclarator || !definition.init) continue;
        value = unwrapExpression(definition.init);
      }
      // `options.credentials || grpc.credentials.createInsecure()`: the default says what it is.
      for (const operand of alternatives(value)) {
        if (operand.type !== AST_NODE_TYPES.CallExpression) continue;
        const member = resolveModuleMember(operand.callee, this.#bindings);
        if (!member) continue;
        const entry = candidates.find((candidate) => candidate.constructedWith!.some((made) => 'from' in made && namesPackageMember(made, member)));
        if (entry) return entry;
      }
    }
    return undefined;
  }

  /**
   * The imported class a constructor stands for: itself, or, for a class of this file, the imported
   * class it extends (`class ReportingPool extends Pool`, also through local classes in between).
   */
  #constructedMember(callee: Node, depth: number): ModuleMember | undefined {
    const member = resolveModuleMember(callee, this.#bindings);
    if (member || depth >= MAX_LOCAL_SUBCLASS_DEPTH) return member;
    const unwrapped = unwrapExpression(callee);
    if (unwrapped.type !== AST_NODE_TYPES.Identifier) return undefined;
    const superClass = this.#localClass(unwrapped.name)?.superClass;
    return superClass ? this.#constructedMember(superClass, depth + 1) : undefined;
  }

  /**
   * `options: ContextOptions` with `interface ContextOptions { pgPool: Pool }` (or `type ContextOptions =
   * { … }`) in this file: the members the written name stands for, read as the checker would.
   */
  #localTypeMembers(name: string): readonly TSESTree.TypeElement[] | undefined {
    for (const statement of this.program.body) {
      const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
      if (declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration && declaration.id.name === name) return declaration.body.body;
      if (declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration && declaration.id.name === name && declaration.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral) {
        return declaration.typeAnnotation.members;
      }
    }
    return undefined;
  }

  /** `class X …` or `const X = class …` at module level, exported or not. */
  #localClass(name: string): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
    for (const statement of this.program.body) {
      const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
      if (declaration?.type === AST_NODE_TYPES.ClassDeclaration && declaration.id?.name === name) return declaration;
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name && declarator.init?.type === AST_NODE_TYPES.ClassExpression) return declarator.init;
        }
      }
    }
    return undefined;
  }

  #called(node: TSESTree.CallExpression, awaited: boolean): ResourceEntry | undefined {
    const entry = this.#calledEntry(node, awaited);
    return entry?.connectionsOnlyWith !== undefined && !mayAskFor(node, entry.connectionsOnlyWith) ? undefined : entry;
  }

  /**
   * A call of a registry factory whose value holds connections only with an option it is not given
   * (nodemailer's `createTransport({ host })` without `pool`): no client, whatever its type's shape.
   */
  optionDeclinesConnections(call: TSESTree.CallExpression): boolean {
    const entry = this.#calledEntry(call, false);
    return entry?.connectionsOnlyWith !== undefined && !mayAskFor(call, entry.connectionsOnlyWith);
  }

  #calledEntry(node: TSESTree.CallExpression, awaited: boolean): ResourceEntry | undefined {
    const member = resolveModuleMember(node.callee, this.#bindings);
    if (member) {
      // `const open = promisify(fs.open)`: only its awaited promise is what the callback would receive.
      if (member.promisified && !awaited) return undefined;
      return this.#lookups.find(`factory ${awaited} ${member.promisified ? 'promisified ' : ''}${memberKey(member)}`, (entry) =>
        entry.factories?.some(
          (factory) => 'from' in factory && namesPackageMember(factory, member) && (member.promisified ? factory.async === true : awaited || !factory.async),
        ),
      );
    }
    const callee = unwrapExpression(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) return this.#aliasedFactory(callee, awaited);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = staticPropertyName(callee);
    if (method === undefined) return undefined;
    const candidates = this.#lookups.filter(`method ${awaited} ${method}`, (entry) =>
      entry.factories?.some((factory) => 'method' in factory && factory.method === method && (awaited || !factory.async)),
    );
    if (candidates.length === 0) return undefined;
    const receiverTypes = this.#receiverTypes(callee.object);
    return candidates.find((entry) =>
      entry.factories?.some(
        (factory) =>
          'method' in factory &&
          factory.method === method &&
          receiverTypes.some((type) => sameDeclaration(type, factory.receiver)),
      ),
    );
  }

  /**
   * `const get = secure ? https.get : http.get; get(options, onResponse)`: a `const` naming a package
   * factory, or one of several that all make the same kind of resource (rss-parser's request).
   */
  #aliasedFactory(callee: TSESTree.Identifier, awaited: boolean): ResourceEntry | undefined {
    const definition = findVariable(this.scopeManager, callee)?.defs[0];
    const declarator = definition?.node;
    if (definition?.type !== 'Variable' || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init) return undefined;
    if (declarator.parent.type !== AST_NODE_TYPES.VariableDeclaration || declarator.parent.kind !== 'const') return undefined;
    let found: ResourceEntry | undefined;
    for (const value of alternatives(declarator.init)) {
      const member = value.type === AST_NODE_TYPES.MemberExpression || value.type === AST_NODE_TYPES.Identifier ? resolveModuleMember(value, this.#bindings) : undefined;
      if (!member) return undefined;
      const entry = this.#lookups.find(`factory ${awaited} ${memberKey(member)}`, (candidate) =>
        candidate.factories?.some((factory) => 'from' in factory && namesPackageMember(factory, member) && (awaited || !factory.async)),
      );
      if (!entry || (found && entry !== found)) return undefined;
      found = entry;
    }
    return found;
  }

  /** What we can tell about a receiver's type without a checker. */
  // A chain `a.b().c()…` asks for each link both as an acquisition and as a receiver: without this
  // memo the work doubles per link (a 30-link yargs chain never finished).
  readonly #receiverTypesMemo = new WeakMap<Node, DeclarationSpecifier[]>();
  /** How many answers the cycle guard has cut short: an answer computed while one was is not kept. */
  #cycleCuts = 0;

  #receiverTypes(receiver: Node): DeclarationSpecifier[] {
    const known = this.#receiverTypesMemo.get(receiver);
    if (known) return known;
    const cutsBefore = this.#cycleCuts;
    const types = this.#receiverTypesUnmemoised(receiver);
    // `let a = b; b = a.x()`: inside the cycle, `b` answered without `a`; asked alone, it would not.
    if (this.#cycleCuts === cutsBefore) this.#receiverTypesMemo.set(receiver, types);
    return types;
  }

  #receiverTypesUnmemoised(receiver: Node): DeclarationSpecifier[] {
    // `(this.client as Pool).connect()`: the written cast is what the code says the receiver is
    // (drizzle's session over a `Pool | PoolClient` field), as the checker would read it.
    const asserted = assertedType(receiver);
    if (asserted) {
      const types = this.#typeNodeTypes(asserted);
      if (types.length > 0) return types;
    }
    const node = unwrapExpression(receiver);
    if (this.#inferring.has(node)) {
      this.#cycleCuts += 1;
      return [];
    }
    this.#inferring.add(node);
    try {
      if (node.type === AST_NODE_TYPES.Identifier) return this.#identifierTypes(node);
      // `mysql.createPool(…).promise()`: a chaining method of the receiver's resource is the resource again.
      const chained = node.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(node.callee) : undefined;
      const method = chained?.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(chained) : undefined;
      if (chained?.type === AST_NODE_TYPES.MemberExpression && method !== undefined) {
        const receiver = this.acquisition(chained.object);
        const types = receiver ? [...(receiver.types ?? [])] : this.#receiverTypes(chained.object);
        const chains = (receiver ? [receiver] : this.registry.entries.filter((entry) => entry.types?.some((type) => types.some((known) => sameDeclaration(known, type)))))
          .some((entry) => entry.chainingMethods?.includes(method));
        if (chains) return types;
      }
      if (
        node.type === AST_NODE_TYPES.MemberExpression &&
        node.object.type === AST_NODE_TYPES.ThisExpression &&
        staticPropertyName(node) !== undefined
      ) {
        return this.#fieldTypes(node, staticPropertyName(node)!);
      }
      // `this.model.db`: a property of a known type that the accessor table names.
      if (node.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(node) !== undefined) {
        const derived = derivedResults(this.#receiverTypes(node.object), staticPropertyName(node)!, true);
        if (derived.length > 0) return derived;
      }
      // `client.db(name).collection(name)`: an accessor of a known type hands back the type it declares.
      if (chained?.type === AST_NODE_TYPES.MemberExpression && method !== undefined) {
        const derived = derivedResults(this.#receiverTypes(chained.object), method);
        if (derived.length > 0) return derived;
      }
      // `new Kafka(config).producer()`: a receiver made inline is what its constructor makes.
      if (node.type === AST_NODE_TYPES.NewExpression) return this.#valueTypes(node);
      // `getKafka(settings).producer()`: a function of this file hands the receiver back.
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const factory = calledLocalFunction(node, this.scopeManager);
        if (factory) return returnedValues(factory, this.scopeManager).flatMap((value) => this.#valueTypes(value));
      }
      return [];
    } finally {
      this.#inferring.delete(node);
    }
  }

  #identifierTypes(identifier: TSESTree.Identifier): DeclarationSpecifier[] {
    const variable = findVariable(this.scopeManager, identifier);
    const types: DeclarationSpecifier[] = [];
    for (const definition of variable?.defs ?? []) {
      types.push(...this.#annotationTypes(definition.name));
      if (definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init && definition.node.id === definition.name) {
        types.push(...(this.#valueTypes(definition.node.init)));
      }
      types.push(...this.#destructuredTypes(definition.name));
      // `constructor(browser)` with `new Renderer(await puppeteer.launch())` here: what this file passes.
      if (definition.type === 'Parameter' && isFunction(definition.node)) types.push(...this.#parameterTypes(definition.name, definition.node));
    }
    // `let pool; … pool = new Pool(…)`: set-up code (an init function, a module IIFE) assigns it later.
    for (const reference of variable?.references ?? []) {
      if (reference.init || !reference.isWrite()) continue;
      const assignment = reference.identifier.parent;
      if (assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === reference.identifier && ASSIGNING_OPERATORS.has(assignment.operator)) {
        types.push(...this.#valueTypes(assignment.right));
      }
    }
    return types;
  }

  /**
   * What the file's own callers pass for `parameter` (see parameter-arguments), one level deep: an
   * argument that is itself a parameter of its caller is not followed to that caller's callers, so a
   * file's call graph is read once per parameter, not once per path through it.
   */
  #parameterTypes(parameter: TSESTree.Identifier, fn: FunctionNode): DeclarationSpecifier[] {
    const known = this.#parameterTypesMemo.get(parameter);
    if (known) return known;
    if (this.#followingArguments) return [];
    this.#followingArguments = true;
    try {
      const types = argumentsPassedTo(parameter, fn, this.program, this.scopeManager).flatMap((value) => this.#valueTypes(value));
      this.#parameterTypesMemo.set(parameter, types);
      return types;
    } finally {
      this.#followingArguments = false;
    }
  }

  /**
   * `const { pgPool } = options` with `options: { pgPool: Pool }`, or `({ pgPool }: { pgPool: Pool })`:
   * the member's written type in the object type literal it is destructured from.
   */
  #destructuredTypes(name: TSESTree.Identifier): DeclarationSpecifier[] {
    const property = name.parent?.type === AST_NODE_TYPES.AssignmentPattern ? name.parent.parent : name.parent;
    const pattern = property?.parent;
    if (property?.type !== AST_NODE_TYPES.Property || pattern?.type !== AST_NODE_TYPES.ObjectPattern || property.computed) return [];
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
    if (key === undefined) return [];
    if (pattern.typeAnnotation) return this.#memberTypes(pattern.typeAnnotation.typeAnnotation, key);
    const declarator = pattern.parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id !== pattern || !declarator.init) return [];
    const source = unwrapExpression(declarator.init);
    if (source.type !== AST_NODE_TYPES.Identifier) return [];
    return (findVariable(this.scopeManager, source)?.defs ?? []).flatMap((definition) => {
      const annotation = definition.name.typeAnnotation?.typeAnnotation;
      return annotation ? this.#memberTypes(annotation, key) : [];
    });
  }

  /** The written type of member `key` of an object type literal (`{ pgPool: Pool; … }`). */
  #memberTypes(typeNode: TSESTree.TypeNode, key: string): DeclarationSpecifier[] {
    const members =
      typeNode.type === AST_NODE_TYPES.TSTypeLiteral
        ? typeNode.members
        : typeNode.type === AST_NODE_TYPES.TSTypeReference && typeNode.typeName.type === AST_NODE_TYPES.Identifier
          ? this.#localTypeMembers(typeNode.typeName.name)
          : undefined;
    for (const member of members ?? []) {
      if (member.type === AST_NODE_TYPES.TSPropertySignature && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === key) {
        return this.#annotationTypes(member);
      }
    }
    return [];
  }

  /** The types of a value written to a variable: what it acquires, or (`.promise()`) what its receiver is. */
  #valueTypes(value: Node): DeclarationSpecifier[] {
    const acquired = this.acquisition(value)?.types;
    if (acquired) return [...acquired];
    // `const kafka = new Kafka(config)`: not a resource itself, but the receiver of `kafka.producer()`.
    const constructed = unwrapExpression(value);
    if (constructed.type === AST_NODE_TYPES.NewExpression) {
      const member = this.#constructedMember(constructed.callee, 0);
      const spec = member && memberSpecifier(member);
      if (spec) return [spec];
    }
    return this.#receiverTypes(value);
  }

  #fieldTypes(member: TSESTree.MemberExpression, name: string): DeclarationSpecifier[] {
    let classBody: TSESTree.ClassBody | undefined;
    for (let current: Node | undefined = member.parent; current; current = current.parent) {
      if (current.type === AST_NODE_TYPES.ClassBody) {
        classBody = current;
        break;
      }
    }
    if (!classBody) return [];
    const types: DeclarationSpecifier[] = [];
    for (const element of classBody.body) {
      if (
        element.type === AST_NODE_TYPES.PropertyDefinition &&
        element.key.type === AST_NODE_TYPES.Identifier &&
        element.key.name === name
      ) {
        types.push(...this.#annotationTypes(element));
        if (element.value) types.push(...(this.acquisition(element.value)?.types ?? []));
      }
      // `configure(config) { this.pool = mysql.createPool(config); }`: set-up code of the class assigns it.
      if (element.type === AST_NODE_TYPES.MethodDefinition && element.value.body) {
        for (const value of this.#fieldAssignments(element.value.body, name)) types.push(...this.#valueTypes(value));
      }
      if (
        element.type === AST_NODE_TYPES.MethodDefinition &&
        element.kind === 'constructor' &&
        element.value.type === AST_NODE_TYPES.FunctionExpression
      ) {
        for (const parameter of element.value.params) {
          if (
            parameter.type === AST_NODE_TYPES.TSParameterProperty &&
            parameter.parameter.type === AST_NODE_TYPES.Identifier &&
            parameter.parameter.name === name
          ) {
            types.push(...this.#annotationTypes(parameter.parameter));
          }
        }
      }
    }
    return types;
  }

  /** The values a method body assigns to `this.<name>` (not in nested functions, whose `this` differs). */
  #fieldAssignments(body: Node, name: string): Node[] {
    let byName = this.#assignedFields.get(body);
    if (!byName) {
      const found = new Map<string, Node[]>();
      walk(body, (node) => {
        if (node !== body && (node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration)) return false;
        if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.operator !== '=') return undefined;
        const target = node.left;
        if (target.type !== AST_NODE_TYPES.MemberExpression || target.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
        const field = staticPropertyName(target);
        if (field !== undefined) found.set(field, [...(found.get(field) ?? []), node.right]);
        return undefined;
      });
      byName = found;
      this.#assignedFields.set(body, byName);
    }
    return byName.get(name) ?? [];
  }

  #annotationTypes(node: { typeAnnotation?: TSESTree.TSTypeAnnotation | undefined }): DeclarationSpecifier[] {
    const annotation = node.typeAnnotation?.typeAnnotation;
    return annotation ? this.#typeNodeTypes(annotation) : [];
  }

  /** A written type naming an imported declaration (`Pool`, `pg.Pool`); anything else says nothing here. */
  #typeNodeTypes(annotation: TSESTree.TypeNode): DeclarationSpecifier[] {
    if (annotation.type !== AST_NODE_TYPES.TSTypeReference) return [];
    const member = resolveTypeName(annotation.typeName, this.#bindings);
    const spec = member ? memberSpecifier(member) : undefined;
    return spec ? [spec] : [];
  }
}

/**
 * Whether the call's first argument may set `option` (see ResourceEntry.connectionsOnlyWith): an
 * object literal that writes it truthy or may carry it (a spread, a computed value), a URL with
 * `<option>=true`, or anything the code does not write out.
 */
function mayAskFor(call: TSESTree.CallExpression, option: string): boolean {
  const first = call.arguments[0] ? unwrapExpression(call.arguments[0]) : undefined;
  if (!first) return false;
  if (first.type === AST_NODE_TYPES.ObjectExpression) {
    if (first.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement)) return true;
    const written = first.properties.find(
      (property): property is TSESTree.Property =>
        property.type === AST_NODE_TYPES.Property && !property.computed && ((property.key.type === AST_NODE_TYPES.Identifier && property.key.name === option) || (property.key.type === AST_NODE_TYPES.Literal && property.key.value === option)),
    );
    if (!written) return false;
    return written.value.type !== AST_NODE_TYPES.Literal || Boolean(written.value.value);
  }
  // A URL asks in its query; any other string names a transport of the old API (nodemailer 0.x's
  // `createTransport('SMTP', { … })`, pooled by default).
  if (first.type === AST_NODE_TYPES.Literal) return typeof first.value === 'string' && (!first.value.includes('://') || first.value.includes(`${option}=true`));
  if (first.type === AST_NODE_TYPES.TemplateLiteral) return first.quasis.some((quasi) => quasi.value.cooked?.includes(`${option}=`)) || first.expressions.length > 0;
  return true;
}
