// Real TypeScript for the benchmark, next to the generated set: code nobody here wrote, with the
// type structure real libraries have (generics, overloads, unions, deep class hierarchies).
//  - @grpc/grpc-js ships its TypeScript sources (`src/**/*.ts`, ~170 files, ~27 500 lines) in
//    node_modules: the same files on every machine that ran `npm ci`. They are copied to a scratch
//    folder with a tsconfig the bench writes; `node_modules` there links to this repository's, so
//    their imports (@grpc/proto-loader, @types/node …) resolve as they do for grpc-js itself.
//  - Optionally (`--real-dir <folder>`) a checkout of another project, e.g. a snapshot under
//    /work/scratch/repos: its `.ts` files (no tests, no declaration files) are copied the same way.
//    Packages it imports that this repository has installed resolve; the others stay `any`.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './generate.mjs';

const compilerOptions = {
  target: 'ES2022',
  lib: ['ES2023', 'ESNext.Disposable'],
  module: 'commonjs',
  moduleResolution: 'node10',
  strict: true,
  experimentalDecorators: true,
  esModuleInterop: true,
  skipLibCheck: true,
  noEmit: true,
  types: ['node'],
};

const skipped = /(^|\/)(node_modules|dist|build|coverage|tests?|__tests__|fixtures)(\/|$)|\.(test|spec)\.ts$|\.d\.ts$/;

function typeScriptFiles(root, directory = root, files = []) {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(directory, entry.name);
    const relative = path.relative(root, full).split(path.sep).join('/');
    if (skipped.test(relative)) continue;
    if (entry.isDirectory()) typeScriptFiles(root, full, files);
    else if (entry.isFile() && entry.name.endsWith('.ts')) files.push(relative);
  }
  return files;
}

/**
 * Copies `source`'s TypeScript files to `<scratch>/<name>/src` with a tsconfig there (the project
 * service looks for it from each file up to `tsconfigRootDir`, which the bench sets to that folder).
 */
function copyProject(source, scratch, name) {
  const project = path.join(scratch, name);
  const sources = path.join(project, 'src');
  const files = typeScriptFiles(source);
  let lines = 0;
  for (const file of files) {
    const target = path.join(sources, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const text = fs.readFileSync(path.join(source, file), 'utf8');
    lines += text.split('\n').length;
    fs.writeFileSync(target, text);
  }
  fs.writeFileSync(path.join(sources, 'tsconfig.json'), `${JSON.stringify({ compilerOptions, include: ['**/*.ts'] }, null, 2)}\n`);
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  return { name, directory: sources, source: path.relative(repoRoot, source) || source, files: files.length, lines };
}

export function prepareGrpcJs(scratch) {
  const packageDir = path.join(repoRoot, 'node_modules', '@grpc', 'grpc-js');
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  return { ...copyProject(path.join(packageDir, 'src'), scratch, `grpc-js-${version}`), version };
}

export function prepareRealDir(source, scratch) {
  return copyProject(path.resolve(source), scratch, path.basename(path.resolve(source)));
}
