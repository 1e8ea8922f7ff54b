import ts from 'typescript';
import { packageOfFile } from './declaration-match';
import { calleeSignatures } from './possible-results';

/**
 * Packages whose API is specified never to throw on valid arguments. OpenTelemetry's specification
 * requires every API method (`span.setAttribute`, `span.end`, `tracer.startSpan`,
 * `histogram.record` …) to swallow its own failures, so instrumentation between an acquisition and
 * its `try` is no way out of the function.
 */
const NEVER_THROWING_PACKAGES = new Set(['@opentelemetry/api']);

/**
 * Methods of the standard library's collections that fail only on programming errors (a Map's
 * `set` does not throw for any key or value): `spanIds.set(id, span.spanContext().spanId)` before
 * the release is no throw point.
 */
const QUIET_COLLECTION_METHODS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ...['Map', 'ReadonlyMap', 'WeakMap'].map((name) => [name, new Set(['get', 'set', 'has', 'delete'])] as const),
  ...['Set', 'ReadonlySet', 'WeakSet'].map((name) => [name, new Set(['add', 'has', 'delete'])] as const),
  ['Array', new Set(['push', 'pop', 'shift', 'unshift', 'includes', 'indexOf', 'at', 'slice', 'join'])] as const,
  ['ReadonlyArray', new Set(['includes', 'indexOf', 'at', 'slice', 'join'])] as const,
]);

/** `interface Map<K, V> { set(…) }` in the lib: the interface's name. */
function libInterfaceName(declaration: ts.Declaration, program: ts.Program): string | undefined {
  if (!program.isSourceFileDefaultLibrary(declaration.getSourceFile())) return undefined;
  const parent = declaration.parent;
  return ts.isInterfaceDeclaration(parent) ? parent.name.text : undefined;
}

function declarationIsQuiet(declaration: ts.Declaration, method: string | undefined, program: ts.Program): boolean {
  const owner = packageOfFile(declaration.getSourceFile().fileName);
  if (owner !== undefined && NEVER_THROWING_PACKAGES.has(owner)) return true;
  const collection = libInterfaceName(declaration, program);
  return method !== undefined && collection !== undefined && (QUIET_COLLECTION_METHODS.get(collection)?.has(method) ?? false);
}

/**
 * A callback passed along runs user code (`context.with(ctx, fn)`, `tracer.startActiveSpan(name,
 * fn)`), which can throw through the quiet call.
 */
function passesCallable(checker: ts.TypeChecker, call: ts.CallExpression): boolean {
  return call.arguments.some((argument) => {
    if (ts.isArrowFunction(argument) || ts.isFunctionExpression(argument)) return true;
    return checker.getTypeAtLocation(argument).getCallSignatures().length > 0;
  });
}

/**
 * Typed: does every signature the call can resolve to belong to an API specified never to throw?
 * False when the checker cannot tell (an `any` callee).
 */
export function specifiedNotToThrow(checker: ts.TypeChecker, program: ts.Program, call: ts.CallExpression): boolean {
  const signatures = calleeSignatures(checker, call);
  if (!signatures || signatures.length === 0) return false;
  const method = ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : undefined;
  const quiet = signatures.every((signature) => {
    const declaration = signature.getDeclaration() as ts.Declaration | undefined;
    return declaration !== undefined && declarationIsQuiet(declaration, method, program);
  });
  return quiet && !passesCallable(checker, call);
}
