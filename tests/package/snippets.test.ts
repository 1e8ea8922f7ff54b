/**
 * Every command and config block of README.md and docs/*.md, run as written in a user's project with
 * the packed package: ESLint 10 runs all of them; ESLint 9 the ones where the ESLint major matters
 * (every config block, the lint-staged command lines, and the README's SARIF line: how `-f` loads a
 * formatter file is ESLint's own code). Both with the newest
 * typescript-eslint and TypeScript 6.0, pinned by tests/package/scratch/*. See snippet-suite.ts for
 * what is run and asserted, markdown-snippets.ts for the `<!-- snippet: … -->` markers.
 */
import { describe, expect, it } from 'vitest';
import { commandLines } from './markdown-snippets';
import { defineSnippetSuites, reportSnippets, validateReportSnippet } from './snippet-suite';

defineSnippetSuites([
  { variant: 'eslint10', include: () => true },
  {
    variant: 'eslint9',
    include: (snippet) =>
      snippet.kind !== 'commands' ||
      (snippet.file === 'README.md' && commandLines(snippet.code).every((line) => line.startsWith('npx eslint ') && line.includes('sarif'))),
  },
]);

describe('report examples in the docs', () => {
  const snippets = reportSnippets();
  it('there is at least one', () => {
    expect(snippets).not.toEqual([]);
  });
  for (const snippet of snippets) {
    it(`${snippet.file}:${snippet.line} validates against docs/report-schema.json`, () => {
      expect(validateReportSnippet(snippet)).toEqual([]);
    });
  }
});
