import ts from 'typescript';
import { packageOfFile } from './declaration-match';

/**
 * A declaration file outside node_modules that declares no package's module: the emitted `.d.ts` of
 * another package of the same repository (`@langfuse/shared` resolved through its workspace link to
 * `packages/shared/dist`), or a global declaration of the project. Its functions are the project's own
 * code, built: the checker shows their types but not their bodies, so whether one creates what it
 * returns (`createQueue()`) or hands back what it keeps (`Queue.getInstance()`, a get-or-create
 * `clickhouseClient()`) cannot be read as it is for a package's factory, which creates by contract.
 * An ambient `declare module 'nativescript-sqlite' { … }` the project writes for an untyped package
 * declares that package's functions, and counts as the package's.
 */
export function declaredByBuiltProjectCode(declaration: ts.Declaration): boolean {
  const file = declaration.getSourceFile();
  if (!file.isDeclarationFile || packageOfFile(file.fileName) !== undefined) return false;
  for (let current: ts.Node | undefined = declaration.parent; current; current = current.parent) {
    if (ts.isModuleDeclaration(current) && ts.isStringLiteral(current.name)) return false;
  }
  return true;
}
