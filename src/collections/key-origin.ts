import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import { findVariable, type ScopeManagerLike, type VariableLike } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';
import { executionOf } from '../lifetime/execution';
import { thisCallsIn } from '../ast/this-calls';

/**
 * Where a key comes from (design: "keys from requests/messages grow without bound; keys from code
 * do not"):
 * - `code`: written in the program — literals, enum members, module constants, class names, the
 *   arguments every caller in this file writes out (`loadSql('schema.sql')`);
 * - `input`: from outside the program — a request, a message or event payload, an argument of a
 *   method that callers elsewhere pass;
 * - `generated`: a fresh value per call — `randomUUID()`, a counter, `Date.now()`;
 * - `argument`: a parameter of a method or exported function whose callers are not in this file;
 * - `unknown`: anything else the file does not show (a call's result).
 * Configuration (`this.config.endpoints`, `options.servers`, `process.env.X`) counts as code: it is
 * written by the operator, not sent by clients.
 */
export type KeyOrigin = 'code' | 'input' | 'generated' | 'argument' | 'unknown';

/** `config`, `authConfig`, `options`, `settings`, `env`: objects the operator writes. */
const CONFIGURATION_NAME = /^(config|configuration|options|opts|settings|env)$|(Config|Configuration|Options|Settings)$/;
/** `onConnect`, `handleMessage`: methods a framework calls per event, their parameters are its payload. */
const EVENT_METHOD = /^(on|handle)[A-Z]/;

const GENERATORS = new Set(['randomUUID', 'uuid', 'v1', 'v4', 'v7', 'uuidv4', 'nanoid', 'cuid', 'createId', 'ulid', 'randomBytes', 'randomInt', 'random', 'now', 'hrtime', 'Symbol', 'generateId', 'nextId']);
/** Methods that only reshape their receiver: `line.trim()`, `chunk.toString('utf8').split('\n')`. */
const RESHAPING_METHODS = new Set(['toString', 'toLowerCase', 'toUpperCase', 'trim', 'normalize', 'split', 'filter', 'map', 'slice', 'substring', 'concat', 'at', 'toFixed']);
/** Functions that only reshape their arguments: `String(id)`, `JSON.parse(line)`, `path.join(dir, name)`. */
const RESHAPING_FUNCTIONS = new Set(['String', 'Number', 'parse', 'stringify', 'from', 'join', 'resolve', 'basename', 'normalize']);
const NAMESPACES = /^(JSON|path|posix|win32|Buffer|String|Number)$/;
const MAX_DEPTH = 6;
/** Calls that register their second argument as an event listener. */
const LISTENER_REGISTRATIONS = new Set(['on', 'once', 'addListener', 'prependListener', 'addEventListener']);

function combine(origins: readonly KeyOrigin[]): KeyOrigin {
  if (origins.includes('generated')) return 'generated';
  if (origins.includes('input')) return 'input';
  if (origins.length > 0 && origins.every((origin) => origin === 'code')) return 'code';
  if (origins.includes('argument')) return 'argument';
  return 'unknown';
}

/** Methods that add to an array, Map or Set they are called on. */
const ADDING_METHODS = new Set(['push', 'unshift', 'splice', 'set', 'add', 'fill', 'assign']);

/**
 * `RULES.push(rule)`, `TABLE[key] = value`, `Object.assign(TABLE, …)`: a `const` whose contents
 * the program changes holds more than its initialiser wrote.
 */
function changedInPlace(variable: VariableLike): boolean {
  return variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === reference.identifier) {
      return calleeName(parent) === 'assign';
    }
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference.identifier) return false;
    const use = parent.parent;
    if (use?.type === AST_NODE_TYPES.AssignmentExpression && use.left === parent) return true;
    const name = staticPropertyName(parent);
    return use?.type === AST_NODE_TYPES.CallExpression && use.callee === parent && name !== undefined && ADDING_METHODS.has(name);
  });
}

function staticKeyName(key: TSESTree.Node): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  return key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string' ? key.value : undefined;
}

function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return staticPropertyName(callee);
  return undefined;
}

export class KeyOrigins {
  /** Per class: the calls on its instances made in this module, by method name (one walk per class). */
  readonly #instanceCalls = new Map<Node, Map<string, TSESTree.CallExpression[]>>();
  /** Per function: the fields it bumps (`this.count++`). */
  readonly #bumped = new Map<Node, TSESTree.MemberExpression[]>();

  /** Set while `ofIdentityKey` traces a Map's or Set's key: a value made per call is then a key made per call. */
  #byIdentity = false;

  constructor(private readonly scopeManager: ScopeManagerLike) {}

  /**
   * Where a Map's or Set's key comes from. They compare keys by identity, so a key the call makes
   * itself (`{ id, user }`, `[tag]`, `new Key(…)`) — directly, through a variable, or passed by a caller
   * in view — is a new key every time: `generated` (a gauge map keyed by a fresh tags array gained an
   * entry per tick, dd-trace-js #5476). Strings and numbers built from it are values again.
   */
  ofIdentityKey(key: Node | undefined): KeyOrigin {
    const previous = this.#byIdentity;
    this.#byIdentity = true;
    try {
      return this.of(key);
    } finally {
      this.#byIdentity = previous;
    }
  }

  /** Where a value computed from `node` comes from, whatever mode the key is traced in (a string built from an object is a value). */
  #valueOf(node: Node, depth: number): KeyOrigin {
    const previous = this.#byIdentity;
    this.#byIdentity = false;
    try {
      return this.of(node, depth);
    } finally {
      this.#byIdentity = previous;
    }
  }

  of(key: Node | undefined, depth = 0): KeyOrigin {
    if (!key || depth > MAX_DEPTH) return 'unknown';
    const node = unwrapExpression(key);
    if (this.#byIdentity) {
      const madeHere =
        node.type === AST_NODE_TYPES.ObjectExpression ||
        node.type === AST_NODE_TYPES.ArrayExpression ||
        isFunction(node) ||
        (node.type === AST_NODE_TYPES.NewExpression && !(node.callee.type === AST_NODE_TYPES.Identifier && /^(String|Number|Boolean)$/.test(node.callee.name)));
      // Made at module load (`const HOME = { path: '/' }`): one identity for the life of the process.
      if (madeHere) return executionOf(node).kind === 'once' ? 'code' : 'generated';
      if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.ConditionalExpression && node.type !== AST_NODE_TYPES.LogicalExpression) return this.#valueOf(node, depth);
    }
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        return 'code';
      case AST_NODE_TYPES.TemplateLiteral:
        return combine(node.expressions.length === 0 ? ['code'] : node.expressions.map((expression) => this.of(expression, depth)));
      case AST_NODE_TYPES.BinaryExpression:
        return combine([this.of(node.left, depth), this.of(node.right, depth)]);
      case AST_NODE_TYPES.LogicalExpression:
        return combine([this.of(node.left, depth), this.of(node.right, depth)]);
      case AST_NODE_TYPES.ConditionalExpression:
        return combine([this.of(node.consequent, depth), this.of(node.alternate, depth)]);
      case AST_NODE_TYPES.UpdateExpression:
        return this.#counter(node.argument);
      case AST_NODE_TYPES.NewExpression:
        return unwrapExpression(node.callee).type === AST_NODE_TYPES.Identifier && (node.callee as TSESTree.Identifier).name === 'Date' ? 'generated' : 'unknown';
      case AST_NODE_TYPES.CallExpression: {
        const name = calleeName(node);
        if (name !== undefined && GENERATORS.has(name)) return 'generated';
        const callee = unwrapExpression(node.callee);
        const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(callee.object) : undefined;
        const namespace = !receiver || (receiver.type === AST_NODE_TYPES.Identifier && NAMESPACES.test(receiver.name));
        if (name !== undefined && namespace && RESHAPING_FUNCTIONS.has(name) && node.arguments.length > 0) {
          return combine(node.arguments.map((argument) => this.of(argument, depth)));
        }
        if (name !== undefined && receiver && !namespace && RESHAPING_METHODS.has(name)) return this.of(receiver, depth);
        // `this.clientIp(data.request)`, `hash(req.url)`: made from request data, as varied as it.
        const fromArguments = node.arguments.map((argument) => this.of(argument, depth + 1));
        return fromArguments.includes('generated') ? 'generated' : fromArguments.includes('input') ? 'input' : 'unknown';
      }
      case AST_NODE_TYPES.MemberExpression:
        if (isConfiguration(node)) return 'code';
        // `this.constructor.name`, `Klass.name`: the names of classes are written in the program.
        if (staticPropertyName(node) === 'name' && unwrapExpression(node.object).type === AST_NODE_TYPES.MemberExpression && staticPropertyName(node.object as TSESTree.MemberExpression) === 'constructor') return 'code';
        // `this.count++; key = this.id + ':' + this.count`: a counter read right after it is bumped.
        if (this.#bumpedInTheSameFunction(node)) return 'generated';
        // `const req = { id: … }; pending[req.id] = …`: the property is what the literal wrote there.
        {
          const written = this.#literalProperty(node);
          if (written) return this.of(written, depth + 1);
        }
        // `response.requestId` where the callers in view pass `{ requestId }`: what each call puts there.
        {
          const passed = this.#propertyPassedIn(node, depth);
          if (passed) return passed;
        }
        // `Status.Up`, `EVENTS.close`, `event.provider`: a property of something is as written as that thing.
        return unwrapExpression(node.object).type === AST_NODE_TYPES.ThisExpression ? 'unknown' : this.of(node.object, depth);
      case AST_NODE_TYPES.Identifier:
        return this.#identifier(node, depth);
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.ObjectExpression:
        // `const RULES = [{ id: 'a', bands: [{ min: '25.4' }] }]`, walked by `for (const rule of RULES)`:
        // what is read out of a table made at load is as written as the table's entries. A literal
        // made per call (`{ ...feature, createdAt: new Date() }` pushed by a method) is a new value.
        return executionOf(node).kind === 'once' ? this.#tableOf(node, depth) : 'unknown';
      default:
        return 'unknown';
    }
  }

  /** The entries of an array or object literal, combined: a table of literals is code. */
  #tableOf(table: TSESTree.ArrayExpression | TSESTree.ObjectExpression, depth: number): KeyOrigin {
    const entries: Node[] = [];
    if (table.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of table.elements) if (element) entries.push(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element);
    } else {
      for (const property of table.properties) entries.push(property.type === AST_NODE_TYPES.SpreadElement ? property.argument : property.value);
    }
    if (entries.length === 0) return 'code';
    return combine(entries.map((entry) => this.#valueOf(entry, depth)));
  }

  #identifier(identifier: TSESTree.Identifier, depth: number): KeyOrigin {
    if (identifier.name === 'undefined') return 'code';
    const variable = findVariable(this.scopeManager, identifier);
    const definition = variable?.defs[0];
    if (!variable || !definition) return 'unknown';
    switch (definition.type) {
      case 'ImportBinding':
      case 'ClassName':
      case 'FunctionName':
      case 'TSEnumName':
      case 'Enum':
        return 'code';
      case 'Parameter':
        return this.#parameter(definition.name, depth);
      case 'Variable': {
        const declarator = definition.node as TSESTree.VariableDeclarator;
        const writes = variable.references.filter((reference) => reference.isWrite() && !reference.init);
        if (declarator.init && writes.length === 0) return changedInPlace(variable) ? 'unknown' : this.of(declarator.init, depth + 1);
        // `for (const name of NAMES)`: as written as what it walks.
        const loop = declarator.parent?.parent;
        if (!declarator.init && (loop?.type === AST_NODE_TYPES.ForOfStatement || loop?.type === AST_NODE_TYPES.ForInStatement) && loop.left === declarator.parent) {
          // An element's identity is not its container's: trace the container as a value.
          return this.#valueOf(loop.right, depth + 1);
        }
        return writes.length > 0 ? combine(writes.map((reference) => this.#written(reference.identifier as TSESTree.Identifier, depth))) : 'unknown';
      }
      default:
        return 'unknown';
    }
  }

  /**
   * `client._count++` in the function that reads `client._count`: a field bumped on every call, so what
   * is read after it is a new value each time (a counter kept between calls, like `this.sequence++`).
   * The bumped fields of a function are collected once.
   */
  #bumpedInTheSameFunction(member: TSESTree.MemberExpression): boolean {
    const name = staticPropertyName(member);
    if (name === undefined) return false;
    let fn: Node | undefined = member.parent;
    while (fn && !isFunction(fn)) fn = fn.parent;
    if (!fn) return false;
    let bumped = this.#bumped.get(fn);
    if (!bumped) {
      const found: TSESTree.MemberExpression[] = [];
      walk(fn, (node) => {
        if (node.type !== AST_NODE_TYPES.UpdateExpression) return undefined;
        const target = unwrapExpression(node.argument);
        if (target.type === AST_NODE_TYPES.MemberExpression) found.push(target);
        return undefined;
      });
      bumped = found;
      this.#bumped.set(fn, bumped);
    }
    return bumped.some((target) => target !== member && staticPropertyName(target) === name && sameObject(target.object, member.object));
  }

  /** `req.id` where `const req = { id: value }` is never reassigned: the value the literal gives the property. */
  #literalProperty(member: TSESTree.MemberExpression): Node | undefined {
    const object = unwrapExpression(member.object);
    const name = staticPropertyName(member);
    if (object.type !== AST_NODE_TYPES.Identifier || name === undefined) return undefined;
    const variable = findVariable(this.scopeManager, object);
    const declarator = variable?.defs[0]?.node;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || !variable || variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
    const init = declarator.init ? unwrapExpression(declarator.init) : undefined;
    if (init?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    for (const property of init.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
      const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
      if (key === name) return property.value;
    }
    return undefined;
  }

  /**
   * `response.requestId` where `response` is a parameter of a function whose callers are all in view:
   * each caller's object literal says what the property holds (`this.process({ requestId }, …)` from
   * a timer: the id the code made), any other argument is as varied as itself. Undefined when the
   * callers are not all in view, or the parameter is reassigned.
   */
  #propertyPassedIn(member: TSESTree.MemberExpression, depth: number): KeyOrigin | undefined {
    const object = unwrapExpression(member.object);
    const name = staticPropertyName(member);
    if (object.type !== AST_NODE_TYPES.Identifier || name === undefined) return undefined;
    const variable = findVariable(this.scopeManager, object);
    const definition = variable?.defs[0];
    if (!variable || definition?.type !== 'Parameter' || variable.references.some((reference) => reference.isWrite())) return undefined;
    let fn: Node | undefined = definition.name.parent;
    while (fn && !isFunction(fn)) fn = fn.parent;
    if (!fn) return undefined;
    const index = fn.params.indexOf(definition.name);
    const calls = index < 0 ? undefined : this.#callsOf(fn);
    if (!calls || calls.length === 0 || !calls.some((call) => unwrapExpression(call.arguments[index] ?? call).type === AST_NODE_TYPES.ObjectExpression)) return undefined;
    return combine(
      calls.map((call) => {
        const argument = call.arguments[index];
        const passed = argument ? unwrapExpression(argument) : undefined;
        if (passed?.type !== AST_NODE_TYPES.ObjectExpression) return passed ? this.of(passed, depth + 1) : 'code';
        const property = passed.properties.find(
          (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && !candidate.computed && staticKeyName(candidate.key) === name,
        );
        // A spread may carry it: as varied as what is spread.
        const spread = passed.properties.find((candidate) => candidate.type === AST_NODE_TYPES.SpreadElement);
        return property ? this.of(property.value, depth + 1) : spread ? this.of(spread.argument, depth + 1) : 'code';
      }),
    );
  }

  /** `name = value`: where the value comes from. */
  #written(identifier: TSESTree.Identifier, depth: number): KeyOrigin {
    const parent = identifier.parent;
    // `nextId += 1`: a counter, like `nextId++` (brcast's subscription ids).
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === identifier && (parent.operator === '+=' || parent.operator === '-=')) return this.#counter(identifier);
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === identifier) return this.of(parent.right, depth + 1);
    if (parent?.type === AST_NODE_TYPES.UpdateExpression) return this.#counter(identifier);
    return 'unknown';
  }

  /**
   * `this.sequence++`, `nextId++` on a module variable: a counter that survives the call yields a new
   * value every time. A local counter (`for (let i = 0; …; i++)`) starts again with each call.
   */
  #counter(target: Node): KeyOrigin {
    const node = unwrapExpression(target);
    if (node.type === AST_NODE_TYPES.MemberExpression) return 'generated';
    if (node.type !== AST_NODE_TYPES.Identifier) return 'unknown';
    const variable = findVariable(this.scopeManager, node);
    if (!variable) return 'unknown';
    const declaredIn = variable.scope.block;
    let fn: Node | undefined = node.parent;
    while (fn && !isFunction(fn)) fn = fn.parent;
    // Declared outside the function that counts: it keeps its value between calls.
    return fn && !containsNode(fn, declaredIn) && declaredIn !== fn ? 'generated' : 'unknown';
  }

  /** A parameter: a callback's payload is input; a local function's or method's comes from its callers here. */
  #parameter(name: TSESTree.Identifier, depth: number): KeyOrigin {
    let fn: Node | undefined = name.parent;
    while (fn && !isFunction(fn)) fn = fn.parent;
    if (!fn) return 'unknown';
    const index = fn.params.findIndex((parameter) => parameter === name || containsNode(parameter, name));
    if (index < 0) return 'unknown';
    const execution = executionOf(fn.body);
    const role = execution.role;
    // `NAMES.forEach((name) => …)`: the element comes from the array.
    if (role.kind === 'iteration-callback') {
      const call = role.function.parent;
      const callee = call?.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(call.callee) : undefined;
      return index === 0 && callee?.type === AST_NODE_TYPES.MemberExpression ? this.#valueOf(callee.object, depth + 1) : 'unknown';
    }
    if (role.kind === 'loop-body') return 'unknown';
    // A handler's request, a listener's event payload, a consumer's message.
    if (execution.kind === 'hot') return 'input';
    // `useCallback((message) => …, deps)`: a component's event handler; what it gets comes from the
    // DOM, a socket or a child component that calls it.
    if (isMemoisedReactCallback(fn)) return 'input';
    // `const onMessage = (event) => …; socket.addEventListener('message', onMessage)`: a named listener.
    if (this.#registeredAsListener(fn)) return 'input';
    const calls = this.#callsOf(fn);
    // `taggedHash('BIP0340/challenge', …)` everywhere this file calls it, though it is exported or
    // handed out too: what the file writes says the key names known things (a registry of tags),
    // and callers elsewhere are code like it. Any call here that passes something else decides.
    if (calls === undefined || calls.length === 0) {
      const written = this.#directCallsOf(fn);
      if (written.length > 0 && written.every((call) => call.arguments[index] !== undefined && call.arguments[index]?.type !== AST_NODE_TYPES.SpreadElement && this.of(call.arguments[index], depth + 1) === 'code')) return 'code';
    }
    if (calls === undefined) {
      const method = fn.parent?.type === AST_NODE_TYPES.MethodDefinition && fn.parent.key.type === AST_NODE_TYPES.Identifier ? fn.parent.key.name : prototypeMethodName(fn);
      if (method !== undefined && EVENT_METHOD.test(method)) return 'input';
      // `tracker.track(req.body.id)` on an instance this module makes: a caller in view that passes
      // request data or ids made per call. Callers elsewhere may pass anything, so only what varies counts.
      const seen = combine(this.#instanceCallsOf(fn).map((call) => (call.arguments[index] ? this.of(call.arguments[index], depth + 1) : 'code')));
      return seen === 'input' || seen === 'generated' ? seen : 'argument';
    }
    if (calls.length === 0) return 'unknown';
    return combine(calls.map((call) => (call.arguments[index] ? this.of(call.arguments[index], depth + 1) : 'code')));
  }

  /**
   * `tracker.track(…)` where `const tracker = new Tracker(…)` in this module and `track` is the
   * method `fn` of that class: calls on an instance the module makes.
   */
  #instanceCallsOf(fn: FunctionNode): TSESTree.CallExpression[] {
    const method = fn.parent;
    if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.static || method.key.type !== AST_NODE_TYPES.Identifier) return [];
    const cls = method.parent?.parent;
    if ((cls?.type !== AST_NODE_TYPES.ClassDeclaration && cls?.type !== AST_NODE_TYPES.ClassExpression) || !cls.id) return [];
    let byMethod = this.#instanceCalls.get(cls);
    if (!byMethod) {
      byMethod = this.#callsOnInstances(cls.id.name, cls);
      this.#instanceCalls.set(cls, byMethod);
    }
    return byMethod.get(method.key.name) ?? [];
  }

  /**
   * One walk of the module per class: the method calls on every `new ClassName(…)` kept in a variable
   * (`tracker.track(…)`) or in a field of another class (`this.limiter.hit(…)` where
   * `private limiter = new Limiter()` or the constructor's `this.limiter = new Limiter()`).
   */
  #callsOnInstances(className: string, cls: Node): Map<string, TSESTree.CallExpression[]> {
    const byMethod = new Map<string, TSESTree.CallExpression[]>();
    const add = (call: Node | undefined, member: Node | undefined) => {
      const name = member?.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(member) : undefined;
      if (name === undefined || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return;
      byMethod.set(name, [...(byMethod.get(name) ?? []), call]);
    };
    const isCreation = (value: Node | null | undefined) => {
      const node = value ? unwrapExpression(value) : undefined;
      return node?.type === AST_NODE_TYPES.NewExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === className;
    };
    let program: Node = cls;
    while (program.parent) program = program.parent;
    const fields: { holder: Node; field: string }[] = [];
    const holders = new Set<VariableLike>();
    walk(program, (node) => {
      if (node.type === AST_NODE_TYPES.PropertyDefinition && !node.static && !node.computed && isCreation(node.value)) {
        const field = node.key.type === AST_NODE_TYPES.Identifier || node.key.type === AST_NODE_TYPES.PrivateIdentifier ? node.key.name : undefined;
        if (field !== undefined && node.parent) fields.push({ holder: node.parent, field });
      }
      if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression && node.left.object.type === AST_NODE_TYPES.ThisExpression && isCreation(node.right)) {
        const field = staticPropertyName(node.left);
        let holder: Node | undefined = node.parent;
        while (holder && holder.type !== AST_NODE_TYPES.ClassBody) holder = holder.parent;
        if (field !== undefined && holder) fields.push({ holder, field });
      }
      // `client = new Client(…)` in a `start()`: the variable holds an instance from then on.
      if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.Identifier && isCreation(node.right)) {
        const variable = findVariable(this.scopeManager, node.left);
        if (variable) holders.add(variable);
        return undefined;
      }
      if (node.type !== AST_NODE_TYPES.VariableDeclarator || node.id.type !== AST_NODE_TYPES.Identifier || !isCreation(node.init)) return undefined;
      for (const variable of this.scopeManager.getDeclaredVariables(node)) holders.add(variable);
      return undefined;
    });
    for (const variable of holders) {
      for (const reference of variable.references) {
        const member = reference.identifier.parent;
        if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === reference.identifier) add(member.parent, member);
      }
    }
    for (const { holder, field } of fields) {
      walk(holder, (node) => {
        // `this.limiter.hit(…)`: a call on the field's instance.
        if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.MemberExpression) return undefined;
        const inner = node.object;
        // `this.#limiter` too: a private field's name without its `#`, as its declaration's key.
        const name = inner.property.type === AST_NODE_TYPES.PrivateIdentifier ? inner.property.name : staticPropertyName(inner);
        if (inner.object.type !== AST_NODE_TYPES.ThisExpression || name !== field) return undefined;
        add(node.parent, node);
        return undefined;
      });
    }
    return byMethod;
  }

  /** A function kept in a variable that is handed to `on`/`once`/`addListener`/`addEventListener` as the listener. */
  #registeredAsListener(fn: FunctionNode): boolean {
    const declarator = fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent : fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : undefined;
    if (!declarator) return false;
    for (const variable of this.scopeManager.getDeclaredVariables(declarator)) {
      for (const reference of variable.references) {
        const call = reference.identifier.parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== reference.identifier) continue;
        const name = calleeName(call);
        if (name !== undefined && LISTENER_REGISTRATIONS.has(name)) return true;
      }
    }
    return false;
  }

  /** The calls `name(…)` of a function declared by name in this file, whatever else is done with it (exported, handed out). */
  #directCallsOf(fn: FunctionNode): TSESTree.CallExpression[] {
    const declared = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent : undefined;
    if (!declared) return [];
    const variable = this.scopeManager.getDeclaredVariables(declared)[0];
    return (variable?.references ?? []).flatMap((reference) => {
      const call = reference.identifier.parent;
      return !reference.init && call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier ? [call] : [];
    });
  }

  /**
   * Every call of `fn` in this file, when they are all the file shows of it: a local function that
   * does not escape, or a method called as `this.method(…)`. Undefined for a method nobody here calls
   * (callers elsewhere pass its arguments) and for exported functions.
   */
  #callsOf(fn: FunctionNode): readonly TSESTree.CallExpression[] | undefined {
    const holder = fn.parent;
    if (holder?.type === AST_NODE_TYPES.MethodDefinition) {
      const name = holder.key.type === AST_NODE_TYPES.Identifier || holder.key.type === AST_NODE_TYPES.PrivateIdentifier ? holder.key.name : undefined;
      const cls = holder.parent;
      if (name === undefined) return undefined;
      const calls = thisCallsIn(cls).get(name) ?? [];
      const isPrivate = holder.accessibility === 'private' || holder.key.type === AST_NODE_TYPES.PrivateIdentifier;
      return calls.length > 0 || isPrivate ? calls : undefined;
    }
    // `Connection.prototype.execute = function (…)`: called on instances, by callers elsewhere.
    if (prototypeMethodName(fn) !== undefined) return undefined;
    const declared = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : holder?.type === AST_NODE_TYPES.VariableDeclarator ? holder : undefined;
    if (!declared) return [];
    const statement = declared.type === AST_NODE_TYPES.VariableDeclarator ? declared.parent?.parent : declared.parent;
    if (statement?.type === AST_NODE_TYPES.ExportNamedDeclaration || statement?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return undefined;
    const variable = this.scopeManager.getDeclaredVariables(declared)[0];
    const calls: TSESTree.CallExpression[] = [];
    for (const reference of variable?.references ?? []) {
      if (reference.init) continue;
      const call = reference.identifier.parent;
      // Passed on as a value: its callers are out of sight.
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return [];
      calls.push(call);
    }
    return calls;
  }
}

/** `useCallback(fn, deps)` or `React.useCallback(fn, deps)`: `fn` is the component's memoised callback. */
function isMemoisedReactCallback(fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return false;
  return calleeName(call) === 'useCallback';
}

/** `X.prototype.name = function …` or `X.prototype = { name() {} }`: the method's name. */
export function prototypeMethodName(fn: FunctionNode): string | undefined {
  const holder = fn.parent;
  if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === fn && holder.left.type === AST_NODE_TYPES.MemberExpression) {
    const object = holder.left.object;
    const onPrototype = object.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(object) === 'prototype';
    return onPrototype ? staticPropertyName(holder.left) : undefined;
  }
  if (holder?.type === AST_NODE_TYPES.Property && holder.value === fn && holder.key.type === AST_NODE_TYPES.Identifier) {
    const assignment = holder.parent?.parent;
    const target = assignment?.type === AST_NODE_TYPES.AssignmentExpression ? assignment.left : undefined;
    return target?.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(target) === 'prototype' ? holder.key.name : undefined;
  }
  return undefined;
}

/** `this.config.oidc`, `options.servers`, `process.env.REGION`: a member chain through configuration. */
function isConfiguration(member: TSESTree.MemberExpression): boolean {
  // `set(options) { this._cache[options.key] = … }`: an options bag's `key` or `id` names this call's
  // entry (node-stow's memory backend, cache-manager's stores), it is not a setting.
  const own = staticPropertyName(member);
  if ((own === 'key' || own === 'id') && unwrapExpression(member.object).type === AST_NODE_TYPES.Identifier) return false;
  for (let current: Node = member; ; ) {
    const node = unwrapExpression(current);
    if (node.type === AST_NODE_TYPES.Identifier) return CONFIGURATION_NAME.test(node.name);
    if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
    const name = staticPropertyName(node);
    if (name !== undefined && CONFIGURATION_NAME.test(name)) return true;
    current = node.object;
  }
}

/** `this` and `this`, or the same identifier: the same receiver. */
function sameObject(a: Node, b: Node): boolean {
  const left = unwrapExpression(a);
  const right = unwrapExpression(b);
  if (left.type === AST_NODE_TYPES.ThisExpression && right.type === AST_NODE_TYPES.ThisExpression) return true;
  return left.type === AST_NODE_TYPES.Identifier && right.type === AST_NODE_TYPES.Identifier && left.name === right.name;
}

function containsNode(root: Node, target: Node): boolean {
  let found = false;
  walk(root, (node) => {
    if (node === target) found = true;
    return found ? false : undefined;
  });
  return found;
}
