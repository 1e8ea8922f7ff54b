import ts from 'typescript';

/**
 * The types `new X(…)` can evaluate to, read from the constructor's signatures without resolving
 * the expression: one declared instance type per construct signature (`OrderedMap<K, V>`,
 * `Map<any, any>`), of which the expression's own type is one or an instantiation (`OrderedMap<number,
 * Entry>`). Resolving a `new` infers its type arguments from the arguments and from the type it is
 * assigned to, which can instantiate a whole generic class's members; its symbol, its base types
 * and its members' names are those of the declared type whatever the arguments are.
 *
 * Undefined whenever the checker could answer something else: a callee that is not a plain object
 * type (`any`, a union, a type parameter), a signature the checker rejects for a `new` (a private or
 * protected constructor, an abstract class, a declaration that is no constructor: those make the
 * expression an error or `any`), a JavaScript file (an expando object adds members), overloads that
 * could fail to match as a whole (then the checker answers with the intersection of their returns),
 * or a declared instance type that is not a class or interface reference with no alias.
 */
export function constructedTypes(checker: ts.TypeChecker, expression: ts.NewExpression): readonly ts.Type[] | undefined {
  if (expression.flags & ts.NodeFlags.JavaScriptFile) return undefined;
  const callee = checker.getNonNullableType(checker.getTypeAtLocation(expression.expression));
  if (!(callee.flags & ts.TypeFlags.Object)) return undefined;
  if (callee.getSymbol()?.getDeclarations()?.some((declaration) => ts.isClassLike(declaration) && isAbstract(declaration))) return undefined;
  const signatures = callee.getConstructSignatures();
  if (signatures.length === 0) return undefined;
  // Several overloads, none generic: when none fits, the checker answers with their intersection.
  if (signatures.length > 1 && !signatures.some((signature) => signature.getTypeParameters()?.length)) return undefined;
  const types: ts.Type[] = [];
  for (const signature of signatures) {
    // Typed as always present; a class's implicit constructor has none.
    const declaration = signature.getDeclaration() as ts.SignatureDeclaration | undefined;
    if (declaration !== undefined && !isAcceptedConstructor(declaration)) return undefined;
    const returned = signature.getReturnType();
    if (!isInstanceReference(returned)) return undefined;
    types.push(returned);
  }
  return types;
}

function isAbstract(node: ts.Declaration): boolean {
  return (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Abstract) !== 0;
}

/** A constructor, construct signature or constructor type the checker accepts for a `new` from anywhere. */
function isAcceptedConstructor(declaration: ts.SignatureDeclaration): boolean {
  if (ts.isConstructorDeclaration(declaration)) {
    if (ts.getCombinedModifierFlags(declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) return false;
    return !isAbstract(declaration.parent);
  }
  if (ts.isConstructorTypeNode(declaration)) return !isAbstract(declaration);
  return ts.isConstructSignatureDeclaration(declaration);
}

/**
 * A class or interface type, or a reference to one, with no alias: instantiating it keeps its
 * symbol, bases and member names. Not a tuple (a variadic one changes its arity when instantiated).
 */
function isInstanceReference(type: ts.Type): boolean {
  if (type.aliasSymbol || !(type.flags & ts.TypeFlags.Object)) return false;
  const objectFlags = (type as ts.ObjectType).objectFlags;
  const target = objectFlags & ts.ObjectFlags.Reference ? (type as ts.TypeReference).target : (type as ts.ObjectType);
  return (target.objectFlags & ts.ObjectFlags.ClassOrInterface) !== 0 && (target.objectFlags & ts.ObjectFlags.Tuple) === 0;
}
