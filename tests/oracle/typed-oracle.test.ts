import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { createOracle } from '../../src/analysis/create-oracle';
import { walk } from '../../src/ast/traverse';
import { parseSource } from '../../src/codemod/parse-source';
import { resolveRegistry } from '../../src/registry/settings';
import { createTypedProject } from '../typed-project';

/**
 * The typed oracle rules most calls out from their callee's signatures before resolving them
 * (src/oracle/possible-results.ts). These are the shapes where the callee's type alone could mislead:
 * each `const <name> = …` must get the answer a full resolution gives.
 */
const code = `
import { Pool } from 'pg';
import { open } from 'node:fs/promises';
import { connector, Db, either, pick, table } from 'pick-lib';
import { createReadStream } from 'node:fs';

class Res<T> {
  constructor(readonly value: T) {}
  [Symbol.dispose]() {}
}
function openRes<T>(value: T): Res<T> {
  return new Res(value);
}
function same<T>(value: T): T {
  return value;
}
class Base {
  make(): object {
    return {};
  }
}
class Derived extends Base {
  override make(): Pool {
    return new Pool();
  }
}
class Opener {
  open(): Res<string> {
    return new Res('x');
  }
  self(): this {
    return this;
  }
}
declare const untyped: any;
declare const maybe: Opener | undefined;

export async function site(base: Base, opener: Opener, db: Db) {
  const genericClass = new Res<number>(1);
  const genericFactory = openRes('x');
  const typeParameterReturn = same(new Pool());
  const matchingOverload = pick('pool');
  const otherOverload = pick('count');
  const declaredBase = base.make();
  if (base instanceof Derived) {
    const narrowedToSubclass = base.make();
  }
  const anyCallee = untyped.connect();
  const optionalCall = maybe?.open();
  const returnsThis = opener.self();
  const awaitedFactory = await open('x');
  const promiseOfHandle = open('x');
  const genericCollection = new Map<string, Pool>();
  const callableInterface = connector();
  const unionOfFunctions = either();
  const elementAccess = table['open']();
  const parenthesized = (table.open)();
  const passedThroughOverload = db.query(createReadStream('x'));
  const otherOverloadAwaited = await db.query('x');
}
`;

/**
 * A library's overloads (one returns a resource, one hands back its argument), a callable interface, a
 * union of functions: declared as a package's module. A project's own `.d.ts` outside node_modules is
 * its built code, whose functions create only when their names say so (see built-project-declarations).
 */
const declarations = `
declare module 'pick-lib' {
  import type { Pool } from 'pg';
  export function pick(kind: 'pool'): Pool;
  export function pick(kind: 'count'): number;
  export interface Connector {
    (): Pool;
  }
  export const connector: Connector;
  export const either: (() => Pool) | (() => number);
  export const table: { open(): Pool };
  export class Db {
    query<T extends NodeJS.ReadableStream>(stream: T): T;
    query(text: string): Promise<number>;
  }
}
`;

describe('TypedOracle.acquisition', () => {
  const project = createTypedProject('oracle');
  project.writeSource('pick.d.ts', declarations);
  const file = project.writeSource('site.ts', code);
  const config = ts.getParsedCommandLineOfConfigFile(project.tsconfigPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram(config.fileNames, config.options);
  afterAll(() => project.remove());

  it('gives the answer of the resolved call for generics, overloads, narrowing, any and optional calls', () => {
    const parsed = parseSource(code, file, program);
    const oracle = createOracle(parsed.ast, parsed.scopeManager, resolveRegistry(undefined), parsed.services);
    expect(oracle.typed).toBe(true);
    const answers: Record<string, string | undefined> = {};
    walk(parsed.ast, (node) => {
      if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.init) {
        answers[node.id.name] = oracle.acquisition(node.init)?.description;
      }
    });
    expect(answers).toEqual({
      genericClass: 'disposable `Res`',
      genericFactory: 'disposable `Res`',
      typeParameterReturn: undefined,
      matchingOverload: 'pg pool',
      otherOverload: undefined,
      declaredBase: undefined,
      narrowedToSubclass: 'pg pool',
      anyCallee: undefined,
      optionalCall: 'disposable `Res`',
      returnsThis: undefined,
      awaitedFactory: 'file handle',
      promiseOfHandle: undefined,
      genericCollection: undefined,
      callableInterface: 'pg pool',
      unionOfFunctions: 'pg pool',
      elementAccess: 'pg pool',
      parenthesized: 'pg pool',
      passedThroughOverload: undefined,
      otherOverloadAwaited: undefined,
    });
  });
});

/**
 * Another package of the same repository, seen through its emitted declarations (a workspace link to
 * `packages/shared/dist`): the checker shows types, not bodies. A getter of a kept client
 * (`getQueue()`, `Queue.getInstance()`) is not a factory; a name that says it makes one is.
 */
const builtDeclarations = `
import type { Pool } from 'pg';
export declare function getPool(): Pool;
export declare function createPool(): Pool;
export declare class Pools {
  static getInstance(): Pools;
  pool(name: string): Pool;
  static newPool(): Pool;
}
`;

const builtSite = `
import { createPool, getPool, Pools } from './shared/dist/index.js';
const cache = new Map<string, import('pg').Pool>();
// winston's \`logger.error()\` hands back the logger, a long-lived Writable: the catch passes it through.
const logged = () => Promise.resolve(1).catch(() => process.stderr);
export async function site(key: string) {
  const kept = getPool();
  const made = createPool();
  const fromInstance = Pools.getInstance().pool('a');
  const madeStatically = Pools.newPool();
  const looked = cache.get(key)!;
  const chained = await logged();
}
`;

describe('TypedOracle.acquisition of the project\'s built declarations', () => {
  const project = createTypedProject('oracle-built');
  project.writeSource('shared/dist/index.d.ts', builtDeclarations);
  const file = project.writeSource('site.ts', builtSite);
  const config = ts.getParsedCommandLineOfConfigFile(project.tsconfigPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram(config.fileNames, config.options);
  afterAll(() => project.remove());

  it('takes only calls named as makers for creations, and never a Map lookup or a promise\'s own chaining', () => {
    const parsed = parseSource(builtSite, file, program);
    const oracle = createOracle(parsed.ast, parsed.scopeManager, resolveRegistry(undefined), parsed.services);
    const answers: Record<string, string | undefined> = {};
    walk(parsed.ast, (node) => {
      if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.init && node.id.name !== 'cache' && node.id.name !== 'logged') {
        answers[node.id.name] = oracle.acquisition(node.init)?.description;
      }
    });
    expect(answers).toEqual({ kept: undefined, made: 'pg pool', fromInstance: undefined, madeStatically: 'pg pool', looked: undefined, chained: undefined });
  });
});

const receiverCode = `
class Conn {
  async connect(): Promise<Conn> {
    return this;
  }
  self(): this {
    return this;
  }
  async query(text: string): Promise<number> {
    return text.length;
  }
  query2<T>(value: T): T {
    return value;
  }
  fork(): Conn {
    return new Conn();
  }
}
declare const untyped: any;

export async function site(conn: Conn) {
  await conn.connect();
  conn.self();
  await conn.query('x');
  conn.query2(conn);
  conn.query2(1);
  conn.fork();
  untyped.connect();
}
`;

describe('TypedOracle.returnsReceiver', () => {
  const project = createTypedProject('oracle-receiver');
  const file = project.writeSource('site.ts', receiverCode);
  const config = ts.getParsedCommandLineOfConfigFile(project.tsconfigPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram(config.fileNames, config.options);
  afterAll(() => project.remove());

  it('says yes to `this` and to (a promise of) the receiver class, and no to other results and untyped calls', () => {
    const parsed = parseSource(receiverCode, file, program);
    const oracle = createOracle(parsed.ast, parsed.scopeManager, resolveRegistry(undefined), parsed.services);
    const answers: string[] = [];
    walk(parsed.ast, (node) => {
      if (node.type === AST_NODE_TYPES.CallExpression && node.parent.type !== AST_NODE_TYPES.ClassBody) {
        answers.push(`${receiverCode.slice(node.range[0], node.range[1])} ${oracle.returnsReceiver(node)}`);
      }
    });
    expect(answers).toEqual([
      'conn.connect() true',
      'conn.self() true',
      "conn.query('x') false",
      'conn.query2(conn) true',
      'conn.query2(1) false',
      'conn.fork() true',
      'untyped.connect() false',
    ]);
  });
});

/**
 * `new X(…)` and object literals are answered without resolving them (src/oracle/constructed-types.ts):
 * the constructor's declared instance types, unless the checker would call the expression an error
 * (private, protected or abstract constructors) or overloads could fail to match as a whole. Each
 * answer below is the one a full resolution gives.
 */
const constructedCode = `
import { Pool } from 'pg';
import { Registry, Guarded, Hidden, Overloaded, Handle, Both, makeAny } from './kinds.js';

class Res<T> {
  constructor(readonly value: T) {}
  [Symbol.dispose]() {}
}
abstract class Shape {}
class Sub<K> extends Map<K, number> {}

export function site(base: typeof Shape) {
  const genericMap = new Map<string, Pool>();
  const inferredSet = new Set();
  const weak = new WeakMap<object, string>();
  const array = new Array<number>(3);
  const subclass = new Sub<string>();
  const declaredSubclass = new Registry<string, Pool>();
  const privateConstructor = new Guarded();
  const protectedConstructor = new Hidden();
  const abstractClass = new base();
  const nonGenericOverloads = new Overloaded('x');
  const genericHandle = new Res(1);
  const declaredHandle = new Handle<number>();
  const bodyReads = new Both<string>();
  const pool = new Pool();
  const anyConstructor = new (makeAny())();
  const named = { a: 1 };
  const shorthand = { named };
  const onlySpread = { ...named };
  const empty = {};
  const proto = { __proto__: null };
  const computed = { ['a']: 1 };
  return [genericMap, inferredSet, weak, array, subclass, declaredSubclass, privateConstructor, protectedConstructor, abstractClass, nonGenericOverloads, genericHandle, declaredHandle, bodyReads, pool, anyConstructor, named, shorthand, onlySpread, empty, proto, computed];
}
`;

const constructedDeclarations = `
export declare class Registry<K, V> extends Map<K, V> {
  constructor(entries?: readonly (readonly [K, V])[]);
}
export declare class Guarded extends Map<string, number> {
  private constructor();
}
export declare class Hidden extends Set<string> {
  protected constructor();
}
export declare class Overloaded extends Map<string, number> {
  constructor(name: string);
  constructor(size: number);
}
export declare class Handle<T> {
  value: T;
  [Symbol.dispose](): void;
}
export declare class Both<T> {
  json: T;
  text(): Promise<string>;
  [Symbol.dispose](): void;
}
export declare function makeAny(): any;
`;

describe('TypedOracle.collectionKind and acquisition of new expressions and object literals', () => {
  const project = createTypedProject('oracle-constructed');
  project.writeSource('kinds.d.ts', constructedDeclarations);
  const file = project.writeSource('site.ts', constructedCode);
  const config = ts.getParsedCommandLineOfConfigFile(project.tsconfigPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram(config.fileNames, config.options);
  afterAll(() => project.remove());

  it('gives the answers of the expressions\' own types', () => {
    const parsed = parseSource(constructedCode, file, program);
    const oracle = createOracle(parsed.ast, parsed.scopeManager, resolveRegistry(undefined), parsed.services);
    const answers: Record<string, [string | undefined, string | undefined]> = {};
    walk(parsed.ast, (node) => {
      if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.init) {
        answers[node.id.name] = [oracle.collectionKind(node.init), oracle.acquisition(node.init)?.description];
      }
    });
    expect(answers).toEqual({
      genericMap: ['map', undefined],
      inferredSet: ['set', undefined],
      weak: ['weak', undefined],
      array: ['array', undefined],
      subclass: ['map', undefined],
      declaredSubclass: ['map', undefined],
      privateConstructor: [undefined, undefined],
      protectedConstructor: [undefined, undefined],
      abstractClass: [undefined, undefined],
      nonGenericOverloads: ['map', undefined],
      genericHandle: [undefined, 'disposable `Res`'],
      declaredHandle: [undefined, 'disposable `Handle`'],
      bodyReads: [undefined, 'disposable `Both`'],
      pool: [undefined, 'pg pool'],
      anyConstructor: [undefined, undefined],
      named: [undefined, undefined],
      shorthand: [undefined, undefined],
      onlySpread: [undefined, undefined],
      empty: [undefined, undefined],
      proto: [undefined, undefined],
      computed: [undefined, undefined],
    });
  });
});

/**
 * The singleton-client codemod names a shared client's type by its class when it can (`Pool`), and as
 * `InstanceType<typeof X>` when the class declares type parameters: `HttpsProxyAgent` alone is no type.
 */
describe('TypedOracle.constructsGenericClass', () => {
  const project = createTypedProject('oracle-generic-class');
  project.writeSource('kinds.d.ts', constructedDeclarations);
  const file = project.writeSource('site.ts', constructedCode);
  const config = ts.getParsedCommandLineOfConfigFile(project.tsconfigPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram(config.fileNames, config.options);
  afterAll(() => project.remove());

  it('says yes to classes with type parameters, written or inferred, and does not guess for `any`', () => {
    const parsed = parseSource(constructedCode, file, program);
    const oracle = createOracle(parsed.ast, parsed.scopeManager, resolveRegistry(undefined), parsed.services);
    const answers: Record<string, boolean | undefined> = {};
    walk(parsed.ast, (node) => {
      if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.init?.type === AST_NODE_TYPES.NewExpression) {
        answers[node.id.name] = oracle.constructsGenericClass(node.init);
      }
    });
    expect(answers).toMatchObject({
      genericMap: true,
      genericHandle: true,
      declaredHandle: true,
      nonGenericOverloads: false,
      pool: false,
      anyConstructor: undefined,
    });
  });
});
