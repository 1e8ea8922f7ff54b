import ts from 'typescript';
import type { ResourceEntry } from '../registry/resource-entry';
import { packageOfFile } from './declaration-match';

/** The methods that end what owns a connection (the same words file-evidenced-clients listens for). */
const ENDING_METHODS = ['close', 'quit', 'disconnect', 'destroy', 'end', 'shutdown', 'terminate'];

/** Methods that open the connection a value owns. */
const CONNECTING_METHODS = new Set(['connect', '$connect']);

/** Options that say where to connect: a constructor or factory taking one of these makes a connection owner. */
const ADDRESS_OPTIONS = new Set(['host', 'hostname', 'port', 'url', 'uri', 'connectionString', 'servers', 'brokers', 'nodes', 'endpoint', 'socketPath']);

/** Node's connection types: a value exposing one of these as a property owns that connection. */
const CONNECTION_TYPES = new Set(['Socket', 'TLSSocket', 'Agent']);

/** Front-end objects that also have `destroy()` (charts, players, editors) are built on an element. */
const ELEMENT_TYPES = /^(HTML\w*Element|Element|Node|Document|Window|CanvasRenderingContext2D|OffscreenCanvas)$/;

/** Streams are handles (require-close's): `end()` and `destroy()` end their data, not a connection. */
const STREAM_TYPES = new Set(['Readable', 'Writable', 'Duplex', 'Transform', 'Stream']);

/** A package's declaration, not node's (`@types/node`), not the project's, not TypeScript's lib. */
function packageOf(declaration: ts.Declaration | undefined): string | undefined {
  if (!declaration) return undefined;
  const owner = packageOfFile(declaration.getSourceFile().fileName);
  return owner === undefined || owner === '@types/node' || owner === 'typescript' ? undefined : owner;
}

/**
 * Whether the signature is declared by a package, as connectionOwnerByShape requires of the one a
 * call resolves to. Asked of the callee's signatures before the call is resolved: the resolved one
 * keeps the declaration of one of them (see calleeSignatures), or has none (an `any` callee).
 */
export function declaredByPackage(signature: ts.Signature): boolean {
  // Typed as always present, but the untyped signature and a class's implicit constructor have none: packageOf takes undefined.
  return packageOf(signature.getDeclaration()) !== undefined;
}

function namedTypes(checker: ts.TypeChecker, type: ts.Type): string[] {
  const names: string[] = [];
  const visit = (candidate: ts.Type, depth: number) => {
    const symbol = candidate.aliasSymbol ?? candidate.getSymbol();
    if (symbol) names.push(symbol.getName());
    if (depth > 3 || !(candidate.flags & ts.TypeFlags.Object) || !((candidate as ts.ObjectType).objectFlags & (ts.ObjectFlags.Class | ts.ObjectFlags.Interface))) return;
    for (const base of checker.getBaseTypes(candidate as ts.InterfaceType) ?? []) visit(base, depth + 1);
  };
  if (type.isUnionOrIntersection()) for (const part of type.types) visit(part, 0);
  else visit(type, 0);
  return names;
}

/** The parameters' types of the signature that made the value, flattened through unions. */
function parameterTypes(checker: ts.TypeChecker, signature: ts.Signature, call: ts.CallExpression | ts.NewExpression): ts.Type[] {
  return signature.getParameters().flatMap((parameter) => {
    const type = checker.getTypeOfSymbolAtLocation(parameter, call);
    return type.isUnion() ? type.types : [type];
  });
}

/**
 * Whether the call's own text can name a connection owner's maker: `new X(…)`, or a factory whose
 * name says what it does (`createX`, `connect`, `open…`, `new…`); a getter or an operation's result is
 * not a new connection. Free to ask: the checker is consulted only when this holds.
 */
export function mayMakeConnectionOwner(call: ts.CallExpression | ts.NewExpression): boolean {
  if (!ts.isCallExpression(call)) return true;
  const callee = ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : ts.isIdentifier(call.expression) ? call.expression.text : '';
  return /^(create|connect|open|new)/i.test(callee);
}

/**
 * A value a package makes (`new X(…)`, `createX(…)`, `X.connect(…)`) that the registry does not list,
 * recognised as a connection owner by its declared shape: it can be ended (close, quit, disconnect,
 * end, destroy, shutdown, terminate) and something says it holds a connection — a `connect()` of its
 * own, a property typed as node's Socket or Agent, or a constructor / factory that takes where to
 * connect (`host`, `port`, `url`, `connectionString`, `brokers` …). Streams (handles) and objects
 * built on a DOM element (charts, players, editors: `destroy()` without a connection) are not.
 */
export function connectionOwnerByShape(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression, resultType: ts.Type): ResourceEntry | undefined {
  const signature = checker.getResolvedSignature(call);
  const maker = packageOf(signature?.getDeclaration());
  if (!signature || maker === undefined) return undefined;
  if (!mayMakeConnectionOwner(call)) return undefined;
  const value = resultType.isUnion() ? resultType.types.find((part) => !(part.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void))) : resultType;
  if (!value || !(value.flags & ts.TypeFlags.Object)) return undefined;
  // `await client.connect()` resolving to the client itself (pg, mongodb): the receiver, not a new value.
  if (ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression)) {
    const receiver = checker.getTypeAtLocation(call.expression.expression);
    const symbol = (type: ts.Type) => type.aliasSymbol ?? type.getSymbol();
    if (receiver === value || (symbol(receiver) !== undefined && symbol(receiver) === symbol(value))) return undefined;
  }
  if (namedTypes(checker, value).some((name) => STREAM_TYPES.has(name))) return undefined;
  // A server (`listen()`, `…Server`) is made once and serves connections; it is not a client of one.
  const valueName = (value.aliasSymbol ?? value.getSymbol())?.getName() ?? '';
  if (value.getProperty('listen') !== undefined || /Server$/.test(valueName)) return undefined;
  const ending = ENDING_METHODS.find((name) => {
    const property = value.getProperty(name);
    return property !== undefined && checker.getTypeOfSymbolAtLocation(property, call).getCallSignatures().length > 0;
  });
  if (ending === undefined) return undefined;
  const parameters = parameterTypes(checker, signature, call);
  if (parameters.some((type) => namedTypes(checker, type).some((name) => ELEMENT_TYPES.test(name)))) return undefined;
  const connects =
    value.getProperties().some((property) => CONNECTING_METHODS.has(property.getName())) ||
    value.getProperties().some((property) => namedTypes(checker, checker.getTypeOfSymbolAtLocation(property, call)).some((name) => CONNECTION_TYPES.has(name))) ||
    parameters.some((type) => type.getProperties().some((property) => ADDRESS_OPTIONS.has(property.getName())));
  if (!connects) return undefined;
  const name = (value.aliasSymbol ?? value.getSymbol())?.getName();
  return {
    description: `${maker} ${name && !name.startsWith('__') ? `\`${name}\`` : 'client'} (it has \`${ending}()\` and holds a connection)`,
    kind: 'client',
    releases: [{ method: ending }],
  };
}
