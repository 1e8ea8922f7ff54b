import ts from 'typescript';

/** Where a class is instantiated in one other file of the program: that file's text and each `new`'s start. */
export interface InstantiatingFile {
  readonly fileName: string;
  readonly text: string;
  /** Start offsets of the `new X(…)` expressions, as `getStart()` gives them (the `new` keyword). */
  readonly newOffsets: readonly number[];
}

/**
 * How the rest of the program uses a class, outside the file that declares it. `escapes` is true when
 * some file uses the class as a value in a way that can make instances we cannot see: a subclass
 * (`extends X`), the class handed to a factory or container (`register(X)`, `{ useClass: X }`),
 * stored, or re-exported under a default export. Type positions, imports, `instanceof` and static
 * member reads (`X.key(…)`) make no instance.
 */
export interface ClassUsesElsewhere {
  readonly files: readonly InstantiatingFile[];
  readonly escapes: boolean;
}

/**
 * Tests make instances of everything, in `it(…)` callbacks, and say nothing about how the program
 * keeps its instances: a class only tests instantiate is as unknown as one nobody instantiates.
 */
const TEST_FILE = /(^|[/\\])(__tests__|__mocks__|tests?|spec|e2e)[/\\]|\.(test|spec|e2e|bench)\.[cm]?[jt]sx?$/;

const cache = new WeakMap<ts.Program, Map<ts.Symbol, ClassUsesElsewhere>>();

function resolved(checker: ts.TypeChecker, symbol: ts.Symbol | undefined): ts.Symbol | undefined {
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) return checker.getAliasedSymbol(symbol);
  return symbol;
}

function isTypePosition(node: ts.Node): boolean {
  for (let current: ts.Node = node; current.parent; current = current.parent) {
    const parent = current.parent;
    if (ts.isTypeNode(parent) && !ts.isExpressionWithTypeArguments(parent)) return true;
    if (ts.isExpressionWithTypeArguments(parent)) {
      // `implements X` names a type; `extends X` (a class heritage) runs X's constructor.
      const clause = parent.parent;
      return ts.isHeritageClause(clause) && clause.token === ts.SyntaxKind.ImplementsKeyword;
    }
    if (!ts.isQualifiedName(parent) && !ts.isPropertyAccessExpression(parent)) return false;
  }
  return false;
}

/** A reference that makes no instance and hands the class to nobody. */
function isInertReference(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  // An import only names it; a re-export (`export { X } from './x'`, a barrel) hands it to code
  // outside the program, whose instances nobody here sees.
  if (ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent) || ts.isImportEqualsDeclaration(parent)) return true;
  if (ts.isTypeQueryNode(parent) || isTypePosition(identifier)) return true;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword && parent.right === identifier) return true;
  // `X.staticMethod(…)`, `X.KEY`: static code lives in X's own file, where its `new this()` is seen.
  if (ts.isPropertyAccessExpression(parent) && parent.expression === identifier) return true;
  return false;
}

/** The names `name` can go by in `file`: itself, and what `import { name as other }` renames it to. */
function namesBoundTo(file: ts.SourceFile, name: string): Set<string> {
  const names = new Set([name]);
  for (const statement of file.statements) {
    const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
    const defaultName = ts.isImportDeclaration(statement) ? statement.importClause?.name : undefined;
    if (defaultName) names.add(defaultName.text);
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) if (element.propertyName?.text === name) names.add(element.name.text);
  }
  return names;
}

/**
 * Every use of the class `symbol` (declared in `ownFile`) in the program's other source files — the
 * project's own code, not declaration files or packages, and not tests. Asked once per class per program.
 */
export function classUsesElsewhere(program: ts.Program, checker: ts.TypeChecker, symbol: ts.Symbol, ownFile: ts.SourceFile): ClassUsesElsewhere {
  let byClass = cache.get(program);
  if (!byClass) {
    byClass = new Map();
    cache.set(program, byClass);
  }
  const known = byClass.get(symbol);
  if (known) return known;
  const declaration = symbol.valueDeclaration;
  const isDefaultExport = declaration !== undefined && ts.canHaveModifiers(declaration) && (ts.getModifiers(declaration) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
  const name = symbol.getName();
  const files: InstantiatingFile[] = [];
  let escapes = false;
  for (const file of program.getSourceFiles()) {
    if (escapes) break;
    if (file === ownFile || file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file) || TEST_FILE.test(file.fileName)) continue;
    // Every reference, renamed imports included, goes through an import that names the class; a
    // default export can be imported under any name.
    if (!isDefaultExport && !file.text.includes(name)) continue;
    const newOffsets: number[] = [];
    const localNames = namesBoundTo(file, name);
    const visit = (node: ts.Node): void => {
      if (escapes) return;
      if (ts.isIdentifier(node) && localNames.has(node.text) && resolved(checker, checker.getSymbolAtLocation(node)) === symbol) {
        // `new models.Session()` through a namespace import: the access is the reference.
        const reference = ts.isPropertyAccessExpression(node.parent) && node.parent.name === node ? node.parent : node;
        const parent = reference.parent;
        if (ts.isNewExpression(parent) && parent.expression === reference) newOffsets.push(parent.getStart(file));
        else if (reference !== node || !isInertReference(node)) escapes = true;
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    if (newOffsets.length > 0) files.push({ fileName: file.fileName, text: file.text, newOffsets });
  }
  const uses: ClassUsesElsewhere = { files, escapes };
  byClass.set(symbol, uses);
  return uses;
}
