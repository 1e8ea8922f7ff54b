#!/usr/bin/env node
// Rewrites the generated header of every rule and codemod doc from the descriptors (built dist/):
// `npm run docs:headers`. tests/docs/doc-headers.test.ts fails when a header differs from this output.
// A doc written before the header markers: its title and the description/badge paragraphs go, the
// rest stays (run it once, then review the diff).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const { shippedCatalog } = require(path.join(repoRoot, 'dist/src/descriptors/catalog.js'));
const { codemodDocHeader, ruleDocHeader, withHeader, HEADER_END } = require(path.join(repoRoot, 'dist/src/descriptors/doc-header.js'));

/** A doc without markers: drop the old description and badge paragraphs that the header now carries. */
function withoutOldHeader(markdown, oldParagraphs) {
  if (markdown.includes(HEADER_END)) return markdown;
  let text = markdown;
  for (const paragraph of oldParagraphs) text = text.replace(`\n${paragraph}\n`, '\n');
  return text.replace(/^(# .*\n)\n+/, '$1\n');
}

let changed = 0;
const update = (file, header, oldParagraphs) => {
  const absolute = path.join(repoRoot, file);
  const before = readFileSync(absolute, 'utf8');
  const after = withHeader(withoutOldHeader(before, oldParagraphs), header);
  if (after !== before) {
    writeFileSync(absolute, after);
    changed++;
    console.log(`updated ${file}`);
  }
};
for (const rule of shippedCatalog.rules) {
  const markdown = readFileSync(path.join(repoRoot, `docs/rules/${rule.name}.md`), 'utf8');
  const badges = markdown.split('\n').filter((line) => line.startsWith('💼'));
  update(`docs/rules/${rule.name}.md`, ruleDocHeader(rule, shippedCatalog), [rule.description, ...badges]);
}
for (const codemod of shippedCatalog.codemods) update(`docs/codemods/${codemod.name}.md`, codemodDocHeader(codemod), []);
console.log(changed === 0 ? 'doc headers are up to date' : `${changed} doc(s) updated`);
