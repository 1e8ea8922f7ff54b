import ts from 'typescript';
import { isNodeBuiltin, samePackage } from '../registry/registry';
import type { DeclarationSpecifier } from '../registry/specifiers';
import { stripNodePrefix } from '../registry/specifiers';

function ambientModuleName(declaration: ts.Node): string | undefined {
  for (let current: ts.Node | undefined = declaration.parent; current; current = current.parent) {
    if (ts.isModuleDeclaration(current) && ts.isStringLiteral(current.name)) return current.name.text;
  }
  return undefined;
}

/** `@grpc/grpc-js` → `@types/grpc__grpc-js`, as DefinitelyTyped names scoped packages. */
function typesPackageOf(packageRoot: string): string {
  return packageRoot.startsWith('@') ? `@types/${packageRoot.slice(1).replace('/', '__')}` : `@types/${packageRoot}`;
}

function packageRoot(name: string): string {
  return name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/');
}

/** The package a declaration file belongs to, from its path: the last `node_modules/<name>` segment. */
export function packageOfFile(fileName: string): string | undefined {
  const normalized = fileName.replaceAll('\\', '/');
  const index = normalized.lastIndexOf('/node_modules/');
  if (index < 0) return undefined;
  const rest = normalized.slice(index + '/node_modules/'.length).split('/');
  const root = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  if (!root) return undefined;
  if (root.startsWith('@types/')) {
    const bare = root.slice('@types/'.length);
    return bare.includes('__') ? `@${bare.replace('__', '/')}` : bare;
  }
  return root;
}

/** Is this declaration the one `spec` names? Exact package names, never a regex. */
export function declarationMatches(declaration: ts.Node, spec: DeclarationSpecifier, program: ts.Program): boolean {
  const sourceFile = declaration.getSourceFile();
  switch (spec.from) {
    case 'lib':
      return program.isSourceFileDefaultLibrary(sourceFile);
    case 'file': {
      if (sourceFile.fileName.includes('/node_modules/')) return false;
      if (!spec.path) return true;
      const wanted = spec.path.replace(/^\.\//, '');
      return sourceFile.fileName.replaceAll('\\', '/').endsWith(`/${wanted}`);
    }
    case 'package': {
      const moduleName = ambientModuleName(declaration);
      if (moduleName !== undefined && (isNodeBuiltin(moduleName) || !sourceFile.fileName.includes('/node_modules/'))) {
        return stripNodePrefix(moduleName) === stripNodePrefix(spec.package);
      }
      const owner = packageOfFile(sourceFile.fileName);
      if (owner === undefined) return moduleName !== undefined && samePackage(moduleName, spec.package);
      const root = packageRoot(spec.package);
      return owner === root || typesPackageOf(root) === `@types/${owner}` || samePackage(owner, spec.package);
    }
  }
}

export function isDeclaredInNodeOrLib(declaration: ts.Node, program: ts.Program): boolean {
  const sourceFile = declaration.getSourceFile();
  if (program.isSourceFileDefaultLibrary(sourceFile)) return true;
  return packageOfFile(sourceFile.fileName) === 'node';
}
