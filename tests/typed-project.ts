import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..');

/**
 * A throwaway TypeScript project for typed linting of snippets. It lives under the OS temp dir, so
 * nothing shows up in `git status`, and resolves `@types/node`, pg, mysql2 … through a symlink to
 * this repository's node_modules. Every snippet is its own module (moduleDetection: force), so two
 * examples may declare the same names. Create one per test file: building the program is the slow
 * part of typed linting.
 */
export interface TypedProject {
  readonly dir: string;
  readonly tsconfigPath: string;
  /** Writes `code` to `sources/<name>` and returns the absolute path. Write before the first lint. */
  writeSource(name: string, code: string): string;
  remove(): void;
}

export function createTypedProject(prefix: string): TypedProject {
  const dir = mkdtempSync(path.join(os.tmpdir(), `leakguard-${prefix}-`));
  const tsconfigPath = path.join(dir, 'tsconfig.json');
  try {
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    writeFileSync(
      tsconfigPath,
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023', 'ESNext.Disposable'],
          module: 'Node16',
          moduleResolution: 'Node16',
          moduleDetection: 'force',
          strict: true,
          types: ['node'],
          esModuleInterop: true,
          skipLibCheck: true,
          noEmit: true,
        },
        include: ['sources/**/*.ts'],
      }),
    );
    mkdirSync(path.join(dir, 'sources'));
  } catch (error) {
    // Nobody gets the folder to remove when setting it up fails: remove it here.
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    tsconfigPath,
    writeSource(name, code) {
      const file = path.join(dir, 'sources', name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, code);
      return file;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
