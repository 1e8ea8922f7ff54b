/**
 * Setup file of the `eslint9` vitest project. Vite resolves only the modules it transforms (our
 * sources and tests); @typescript-eslint/rule-tester and @typescript-eslint/utils are CommonJS that
 * Node loads itself, and their `require('eslint')` would find the root's ESLint 10 — inlining them
 * in vite does not help, the nested requires stay Node's. So Node's resolver sends `eslint` and its
 * subpaths here, from wherever they are required: the RuleTester, its Linter and our rules' utils
 * then all share this folder's ESLint 9, as in a user's project with ESLint 9 and the same
 * typescript-eslint. tests/rules/eslint-under-test.test.ts proves it.
 */
import Module from 'node:module';
import { eslint9Dir, eslint9Installed, eslint9Missing, isEslintRequest } from './eslint9-resolution';

type ResolveFilename = (this: unknown, request: string, parent: unknown, isMain: boolean, options?: { paths?: string[] }) => string;
const loader = Module as unknown as { _resolveFilename: ResolveFilename & { eslint9?: true } };

if (!eslint9Installed) throw new Error(eslint9Missing);

// Each test file runs its setup again in the same process when isolation is off: patch once.
if (!loader._resolveFilename.eslint9) {
  const resolveFilename = loader._resolveFilename;
  const redirected: ResolveFilename & { eslint9?: true } = function (this: unknown, request, parent, isMain, options) {
    return isEslintRequest(request)
      ? resolveFilename.call(this, request, parent, isMain, { paths: [eslint9Dir] })
      : resolveFilename.call(this, request, parent, isMain, options);
  };
  redirected.eslint9 = true;
  loader._resolveFilename = redirected;
}
