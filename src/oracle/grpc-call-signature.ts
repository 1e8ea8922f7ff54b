import ts from 'typescript';
import { declarationMatches } from './declaration-match';
import { calleeSignatures } from './possible-results';

/** What a grpc-js call is: its response arrives once (unary, client-streaming) or streams (server-streaming, bidi). */
export type GrpcCallKind = 'unary' | 'client-stream' | 'server-stream' | 'bidi-stream';

/** What the checker says about the `deadline` of the options a call passes. */
export type DeadlineEvidence = 'set' | 'maybe' | 'absent';

/**
 * A call of a gRPC method (a generated or generic client's method, or `makeUnaryRequest` and its
 * siblings) as the overload it resolves to declares it: where its call options, metadata and
 * callback go. grpc-js has an overload with and without metadata, options and callback for every
 * method, so which argument is the options object is the checker's to say.
 */
export interface GrpcCallSignature {
  readonly kind: GrpcCallKind;
  /** The parameter index of the call options in the resolved overload; undefined: it takes none. */
  readonly optionsIndex: number | undefined;
  /** The request argument's index (unary and server-streaming calls), the metadata's, the callback's. */
  readonly requestIndex: number | undefined;
  readonly metadataIndex: number | undefined;
  readonly callbackIndex: number | undefined;
  /** The checker's view of the options argument's `deadline`; undefined when no options argument is passed. */
  readonly deadline: DeadlineEvidence | undefined;
}

const GRPC = '@grpc/grpc-js';

/** The declared return types of an RPC, by the call kind they stand for. */
const CALL_TYPES: ReadonlyMap<string, GrpcCallKind> = new Map([
  ['ClientUnaryCall', 'unary'],
  ['ClientWritableStream', 'client-stream'],
  ['ClientReadableStream', 'server-stream'],
  ['ClientDuplexStream', 'bidi-stream'],
]);

/**
 * Properties of call options that set a deadline, or may: an interceptor can give every call one
 * (the issue counts them), and the checker cannot see what it does.
 */
const DEADLINE_PROPERTIES = ['deadline', 'interceptors', 'interceptor_providers'];

const usesGrpc = new WeakMap<ts.Program, boolean>();

/** Does the program load @grpc/grpc-js at all? If not, no call in it can be an RPC. Once per program. */
export function programUsesGrpc(program: ts.Program): boolean {
  let known = usesGrpc.get(program);
  if (known === undefined) {
    known = program.getSourceFiles().some((file) => file.fileName.replaceAll('\\', '/').includes(`/node_modules/${GRPC}/`));
    usesGrpc.set(program, known);
  }
  return known;
}

/** The grpc-js call type a declared return type names (`grpc.ClientUnaryCall`, `ClientReadableStream<Reply>`). */
function callKindOf(returnType: ts.TypeNode | undefined, checker: ts.TypeChecker, program: ts.Program): GrpcCallKind | undefined {
  if (!returnType || !ts.isTypeReferenceNode(returnType)) return undefined;
  const name = ts.isIdentifier(returnType.typeName) ? returnType.typeName.text : returnType.typeName.right.text;
  const kind = CALL_TYPES.get(name);
  if (!kind) return undefined;
  let symbol = checker.getSymbolAtLocation(returnType.typeName);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declarations = symbol?.getDeclarations() ?? [];
  return declarations.some((declaration) => declarationMatches(declaration, { from: 'package', package: GRPC, name }, program)) ? kind : undefined;
}

/** Is `type`'s property `name` declared by grpc-js (`CallOptions.deadline`, also through `Partial<CallOptions>`)? */
function hasGrpcProperty(type: ts.Type, name: string, checker: ts.TypeChecker, program: ts.Program): boolean {
  const property = checker.getPropertyOfType(checker.getNonNullableType(type), name);
  return (property?.getDeclarations() ?? []).some((declaration) => declarationMatches(declaration, { from: 'package', package: GRPC, name: 'CallOptions' }, program));
}

function isGrpcMetadata(type: ts.Type, program: ts.Program): boolean {
  const symbol = type.getSymbol();
  return symbol?.getName() === 'Metadata' && (symbol.getDeclarations() ?? []).some((declaration) => declarationMatches(declaration, { from: 'package', package: GRPC, name: 'Metadata' }, program));
}

function isRpcDeclaration(declaration: ts.SignatureDeclaration | ts.JSDocSignature | undefined, checker: ts.TypeChecker, program: ts.Program): boolean {
  if (!declaration || ts.isJSDocSignature(declaration) || ('body' in declaration && declaration.body)) return false;
  return callKindOf(declaration.type, checker, program) !== undefined;
}

/** `{ deadline: … }` sets it, `CallOptions` may, `{}` or `{ host }` does not. */
function deadlineEvidence(argument: ts.Expression, checker: ts.TypeChecker): DeadlineEvidence {
  const type = checker.getNonNullableType(checker.getTypeAtLocation(argument));
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return 'maybe';
  let evidence: DeadlineEvidence = 'absent';
  for (const name of DEADLINE_PROPERTIES) {
    const property = checker.getPropertyOfType(type, name);
    if (!property) continue;
    if (!(property.flags & ts.SymbolFlags.Optional)) return 'set';
    evidence = 'maybe';
  }
  return evidence;
}

/**
 * The RPC a call makes, read from the overload the checker resolves it to: a method with no body
 * (a generated client's interface or declaration, grpc-js's own `make*Request`) that returns one of
 * grpc-js's client call types. A user's wrapper method with a body is not an RPC: the RPC is the
 * call inside it. `'not-rpc'` when the checker knows the callee and it is none; undefined when it
 * cannot tell (an `any` receiver, a `makeGenericClientConstructor` client whose methods are typed
 * `Function`): then the call's shapes decide.
 */
export function grpcCallSignature(call: ts.CallExpression, checker: ts.TypeChecker, program: ts.Program): GrpcCallSignature | 'not-rpc' | undefined {
  // Every method call of the file is asked: the callee's signatures rule most out without resolving the call.
  const candidates = calleeSignatures(checker, call);
  if (candidates?.length === 0) return undefined;
  if (candidates && !candidates.some((signature) => isRpcDeclaration(signature.getDeclaration(), checker, program))) return 'not-rpc';
  const declaration = checker.getResolvedSignature(call)?.getDeclaration() as ts.SignatureDeclaration | ts.JSDocSignature | undefined;
  if (!declaration || ts.isJSDocSignature(declaration)) return undefined;
  if ('body' in declaration && declaration.body) return 'not-rpc';
  const kind = callKindOf(declaration.type, checker, program);
  if (!kind) return 'not-rpc';
  let optionsIndex: number | undefined;
  let metadataIndex: number | undefined;
  let callbackIndex: number | undefined;
  declaration.parameters.forEach((parameter, index) => {
    const type = checker.getTypeAtLocation(parameter);
    if (hasGrpcProperty(type, 'deadline', checker, program)) optionsIndex = index;
    else if (isGrpcMetadata(checker.getNonNullableType(type), program)) metadataIndex = index;
    else if (checker.getNonNullableType(type).getCallSignatures().length > 0) callbackIndex = index;
  });
  // The request comes right before the metadata/options/callback, where the method takes one.
  const firstTrailing = Math.min(...[optionsIndex, metadataIndex, callbackIndex, declaration.parameters.length].filter((index): index is number => index !== undefined));
  const takesRequest = kind === 'unary' || kind === 'server-stream';
  const requestIndex = takesRequest && firstTrailing > 0 ? firstTrailing - 1 : undefined;
  const argument = optionsIndex === undefined ? undefined : call.arguments[optionsIndex];
  return { kind, optionsIndex, requestIndex, metadataIndex, callbackIndex, deadline: argument && !ts.isSpreadElement(argument) ? deadlineEvidence(argument, checker) : undefined };
}
