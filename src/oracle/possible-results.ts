import ts from 'typescript';

// Several questions of one call read its callee (acquisition, returnsReceiver, callsPackageFunction …),
// and getTypeAtLocation re-runs the callee's control-flow narrowing each time. Kept per checker:
// an editor's next program may share the syntax tree, not the types.
const calleeSignaturesByChecker = new WeakMap<ts.TypeChecker, WeakMap<ts.Node, readonly ts.Signature[] | null>>();

/**
 * The signatures a call or `new` can resolve to, read from its callee's type without resolving the call.
 *
 * Resolving a call (`getResolvedSignature`) checks every argument, infers type arguments and walks
 * into callbacks to type their returns: on real code that is most of what a typed lint run spends in
 * the checker. Most calls cannot return a resource whatever their arguments are (`arr.map(…)`,
 * `res.json(…)`, `this.trace(…)`), and the callee's signatures alone say so. The checker resolves a
 * call to one of them, to an instantiation of a generic one, to a signature that stands for all of
 * them when no overload fits (the first one's declaration, the intersection of their returns), or,
 * for a callee typed `any`, to the untyped signature, which returns `any` and has no declaration.
 *
 * Undefined when the callee's type does not tell: no signature of the right kind (`new f()` of a
 * plain function, a call of a class: the checker falls back to the other kind or an error), or a
 * dynamic `import()`. An empty list for an `any` callee.
 */
export function calleeSignatures(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression): readonly ts.Signature[] | undefined {
  if (call.expression.kind === ts.SyntaxKind.ImportKeyword || call.expression.kind === ts.SyntaxKind.SuperKeyword) return undefined;
  let byCall = calleeSignaturesByChecker.get(checker);
  if (!byCall) {
    byCall = new WeakMap();
    calleeSignaturesByChecker.set(checker, byCall);
  }
  const cached = byCall.get(call);
  if (cached !== undefined) return cached ?? undefined;
  const callee = checker.getNonNullableType(checker.getTypeAtLocation(call.expression));
  const signatures = callee.flags & ts.TypeFlags.Any ? [] : ts.isNewExpression(call) ? callee.getConstructSignatures() : callee.getCallSignatures();
  const answer = signatures.length > 0 || callee.flags & ts.TypeFlags.Any ? signatures : undefined;
  byCall.set(call, answer ?? null);
  return answer;
}

/**
 * The types the call can evaluate to (awaited when `awaited`), one per signature: whatever the
 * checker resolves the call to returns one of them, or, when no overload fits, their intersection,
 * which matches no registry type that none of them matches. Undefined when a generic return's match
 * could depend on the type arguments (`T`, `T | undefined`, `Awaited<T>`, a mapped type).
 */
export function possibleResultTypes(checker: ts.TypeChecker, signatures: readonly ts.Signature[], awaited: boolean): readonly ts.Type[] | undefined {
  const results: ts.Type[] = [];
  for (const signature of signatures) {
    const result = resultOf(checker, signature, awaited);
    if (result === null) return undefined;
    results.push(result);
  }
  return results;
}

// Per signature (a signature belongs to one checker): pg's `query` alone is called thousands of times
// in a service with the same six overloads, and `getAwaitedType` re-checks a type's kind on every
// call before it reads its own cache — it was most of what the oracle cost on the bench set.
const awaitedResults = new WeakMap<ts.Signature, ts.Type | null>();
const plainResults = new WeakMap<ts.Signature, ts.Type | null>();

/** What the signature evaluates to, or null when a generic return's match could depend on its type arguments. */
function resultOf(checker: ts.TypeChecker, signature: ts.Signature, awaited: boolean): ts.Type | null {
  const cache = awaited ? awaitedResults : plainResults;
  let result = cache.get(signature);
  if (result === undefined) {
    const returned = signature.getReturnType();
    const type = awaited ? (checker.getAwaitedType(returned) ?? returned) : returned;
    result = signature.getTypeParameters()?.length && !matchesLikeItsInstantiations(type) ? null : type;
    cache.set(signature, result);
  }
  return result;
}

/**
 * A type whose registry match cannot change when its type parameters are filled in. The oracle
 * matches a type by the symbols of its union parts and their base classes (a reference's base types
 * come from its target) and, for Disposable types, by property names: a class or interface reference
 * (`Map<K, V>`, `U[]`) or an object literal type keeps both under any type arguments. A type
 * parameter, an `Awaited<T>`, a conditional or indexed access, or a mapped type (its property
 * names come from the argument) does not.
 */
function matchesLikeItsInstantiations(type: ts.Type): boolean {
  if (type.flags & ts.TypeFlags.Instantiable) return false;
  if (type.isUnionOrIntersection()) return type.types.every((part) => matchesLikeItsInstantiations(part));
  if (type.flags & ts.TypeFlags.Object) {
    const objectFlags = (type as ts.ObjectType).objectFlags;
    if (objectFlags & (ts.ObjectFlags.Mapped | ts.ObjectFlags.ReverseMapped)) return false;
    return (objectFlags & (ts.ObjectFlags.Reference | ts.ObjectFlags.ClassOrInterface | ts.ObjectFlags.Anonymous)) !== 0;
  }
  return true;
}
