#!/usr/bin/env node
// Scaffolds a rule (and optionally its codemod): `npm run new-rule -- <rule> [--codemod <name>] [--root <dir>]`.
// Writes the detector with its descriptor, the ESLint rule, the doc, the RuleTester file, and for a
// codemod its plan type, descriptor, jscodeshift entry, doc and fixture folder; adds one entry to each
// list in <root>/src/descriptors/catalog.ts. Every file it writes carries `scaffold:` reminders, and the
// meta-tests (tests/meta/catalog-checks.ts) fail while one is left, while the doc has no examples and
// its header is not generated, and while the tests have no cases: the new rule is done when they pass.
// `--root` scaffolds into another tree laid out like this one (tests/doubles holds the test doubles),
// importing the engine from this repository's src/.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const repoRoot = path.resolve(import.meta.dirname, '..');

function usage(message) {
  console.error(`new-rule: ${message}\nUsage: npm run new-rule -- <rule-name> [--codemod <codemod-name>] [--root <dir>]`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ args: process.argv.slice(2), options: { codemod: { type: 'string' }, root: { type: 'string' } }, allowPositionals: true, strict: true });
} catch (error) {
  usage(error.message);
}
const [rule, ...extra] = parsed.positionals;
const codemod = parsed.values.codemod;
const root = path.resolve(parsed.values.root ?? repoRoot);
const kebab = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
if (!rule || extra.length > 0) usage('give exactly one rule name');
for (const name of [rule, codemod].filter(Boolean)) if (!kebab.test(name)) usage(`'${name}' is not a kebab-case name`);

const camel = (name) => name.replace(/-([a-z0-9])/g, (_, letter) => letter.toUpperCase());
const pascal = (name) => camel(name).replace(/^./, (letter) => letter.toUpperCase());
const ruleId = camel(rule);
const RuleId = pascal(rule);
const codemodId = codemod && camel(codemod);
const Plan = codemod && `${pascal(codemod)}Plan`;

/** The import path from `file` (relative to root) to this repository's src/<module>. */
function engine(file, module) {
  const from = path.dirname(path.join(root, file));
  const relative = path.relative(from, path.join(repoRoot, 'src', module)).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}
/** The import path from `file` to `target`, both relative to root. */
function local(file, target) {
  const relative = path.relative(path.dirname(path.join(root, file)), path.join(root, target)).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

const written = [];
function write(file, text) {
  const absolute = path.join(root, file);
  if (existsSync(absolute)) usage(`${path.relative(process.cwd(), absolute)} exists already`);
  mkdirSync(path.dirname(absolute), { recursive: true });
  writeFileSync(absolute, text);
  written.push(file);
}

const detectorFile = `src/detectors/${rule}.ts`;
const planFile = codemod && `src/remedies/${codemod}-plan.ts`;
const files = {
  [detectorFile]: `import type { Analysis } from '${engine(detectorFile, 'analysis/analysis')}';
import type { OptionValues } from '${engine(detectorFile, 'descriptors/option-spec')}';
import type { RuleDescriptor } from '${engine(detectorFile, 'descriptors/rule-descriptor')}';
import type { Finding } from '${engine(detectorFile, 'findings/finding')}';
${codemod ? `import type { ${Plan} } from '${local(detectorFile, planFile.replace(/\.ts$/, ''))}';\n` : ''}
// scaffold: the rule's options, each { type, default, description } (src/descriptors/option-spec.ts); each needs a heading in the doc.
const ${ruleId}Options = {} as const;

type ${RuleId}MessageId = 'leak';

type ${RuleId}Finding = Finding<${RuleId}MessageId${codemod ? `, ${Plan}` : ''}>;

/**
 * scaffold: the incident this rule comes from, and what it reports. Ask the engine rather than
 * matching shapes: lifetimes (src/lifetime: executionOf, connectionEndsOf), ownership
 * (src/ownership), the type oracle (analysis.oracle) and the registry (analysis.registry).
 */
function detect${RuleId}(analysis: Analysis, options: OptionValues<typeof ${ruleId}Options>): ${RuleId}Finding[] {
  void analysis;
  void options;
  return [];
}

export const ${ruleId}: RuleDescriptor<${RuleId}MessageId, typeof ${ruleId}Options${codemod ? `, ${Plan}` : ''}> = {
  name: '${rule}',
  // scaffold: one sentence, as \`leakguard list\` and the doc header show it.
  description: 'Disallow ${rule.replace(/-/g, ' ')}',
  recommended: false,
  messages: {
    // scaffold: what leaks and what to do about it, with {{placeholders}} filled from the finding's data.
    leak: 'This leaks.',
  },
  options: ${ruleId}Options,
  detect: detect${RuleId},
};
`,
  [`rules/${rule}.ts`]: `import { ${ruleId} } from '${local(`rules/${rule}.ts`, detectorFile.replace(/\.ts$/, ''))}';
import type { MessageIdOf } from '${engine(`rules/${rule}.ts`, 'descriptors/rule-descriptor')}';
import { eslintRuleOf, type RuleOptionsOf } from '${engine(`rules/${rule}.ts`, 'rule-creator')}';

export type MessageIds = MessageIdOf<typeof ${ruleId}>;

export type Options = RuleOptionsOf<typeof ${ruleId}.options>;

/** \`leakguard/${rule}\`, made from its descriptor (${detectorFile}). */
export default eslintRuleOf(${ruleId});
`,
  [`docs/rules/${rule}.md`]: `# leakguard/${rule}

<!-- scaffold: run \`npm run docs:headers\` to write this doc's header from the descriptor. -->

## Why

<!-- scaffold: the incident behind the rule: what leaked, how fast, what it cost. -->

## Incorrect

<!-- scaffold: one \`\`\`ts block per idiom the rule reports (the docs test lints each and expects a report). -->

## Correct

<!-- scaffold: the fixed code, and near misses the rule must stay quiet on (linted, expected quiet). -->

## When not to use it

<!-- scaffold: the false positives you know of, and why they are left. -->
`,
  [`tests/rules/${rule}.test.ts`]: `import rule from '${local(`tests/rules/${rule}.test.ts`, `rules/${rule}`)}';
import { typedRuleTester, untypedRuleTester } from '${path.relative(path.join(root, 'tests/rules'), path.join(repoRoot, 'tests/rules/rule-testers')).split(path.sep).join('/').replace(/^(?!\.)/, './')}';

// scaffold: valid cases (the fix, near misses) and invalid cases (each idiom, typed and untyped), with real packages' types.
typedRuleTester().run('${rule} (typed)', rule, { valid: [], invalid: [] });
untypedRuleTester().run('${rule} (untyped)', rule, { valid: [], invalid: [] });
`,
};

if (codemod) {
  const codemodFile = `src/codemods/${codemod}.ts`;
  Object.assign(files, {
    [planFile]: `/** What \`${codemod}\` needs to rewrite one finding of \`leakguard/${rule}\`. */
export interface ${Plan} {
  readonly kind: '${codemod}';
  // scaffold: the nodes and texts the edit needs, planned by the detector (never recomputed by the edit).
}
`,
    [codemodFile]: `import { defineCodemod } from '${engine(codemodFile, 'descriptors/codemod-descriptor')}';
import { ${ruleId} } from '${local(codemodFile, detectorFile.replace(/\.ts$/, ''))}';
import type { ${Plan} } from '${local(codemodFile, planFile.replace(/\.ts$/, ''))}';

export const ${codemodId} = defineCodemod({
  name: '${codemod}',
  // scaffold: one sentence, as \`leakguard list\` and the doc header show it.
  description: 'Fixes what leakguard/${rule} reports.',
  fixes: [${ruleId}],
  plan: '${codemod}' satisfies ${Plan}['kind'],
  // scaffold: the codemod's own flags, each { type, description … } (src/descriptors/option-spec.ts), each with a heading in its doc.
  options: {} as const,
  // scaffold: the text edits for one plan (src/fix has the building blocks), or { refusal: 'why' }.
  edits: (plan: ${Plan}) => ({ refusal: \`not written yet (\${plan.kind})\` }),
});
`,
    [`codemods/${codemod}.ts`]: `import { jscodeshiftTransform } from '${engine(`codemods/${codemod}.ts`, 'codemod/jscodeshift-adapter')}';
import { ${codemodId} } from '${local(`codemods/${codemod}.ts`, codemodFile.replace(/\.ts$/, ''))}';

/** The \`${codemod}\` codemod under plain \`jscodeshift -t\` (its descriptor: ${codemodFile}). */
export default jscodeshiftTransform(${codemodId});
`,
    [`docs/codemods/${codemod}.md`]: `# ${codemod}

<!-- scaffold: run \`npm run docs:headers\` to write this doc's header from the descriptor. -->

## Before

<!-- scaffold: a \`\`\`ts block the rule reports (the docs test runs it through the codemod). -->

## After

<!-- scaffold: the codemod's output of the Before block, byte for byte. -->

## What it refuses to change (and says so)

<!-- scaffold: each refusal and its reason. -->
`,
    [`tests/codemods/${codemod}/example.input.ts`]: `// scaffold: a site leakguard/${rule} reports; add example.output.ts with what ${codemod} must print (tests/codemods/README.md).
`,
  });
}

/** Adds the import and the list entry to the catalog (created, with empty lists, under another root). */
function addToCatalog() {
  const catalogFile = 'src/descriptors/catalog.ts';
  const absolute = path.join(root, catalogFile);
  if (!existsSync(absolute)) {
    write(
      catalogFile,
      `import type { Catalog } from '${engine(catalogFile, 'descriptors/catalog')}';
import type { AnyCodemodDescriptor } from '${engine(catalogFile, 'descriptors/codemod-descriptor')}';
import type { AnyRuleDescriptor } from '${engine(catalogFile, 'descriptors/rule-descriptor')}';

export const ruleDescriptors = [] as const satisfies readonly AnyRuleDescriptor[];

export const codemodDescriptors = [] as const satisfies readonly AnyCodemodDescriptor[];

/** No worker module: a catalog of TypeScript sources runs in the CLI's own thread. */
export const catalog: Catalog = { rules: ruleDescriptors, codemods: codemodDescriptors };
`,
    );
  }
  let text = readFileSync(absolute, 'utf8');
  const imports = [`import { ${ruleId} } from '${local(catalogFile, detectorFile.replace(/\.ts$/, ''))}';`];
  if (codemod) imports.push(`import { ${codemodId} } from '${local(catalogFile, `src/codemods/${codemod}`)}';`);
  const lines = text.split('\n');
  const lastImport = lines.reduce((last, line, index) => (line.startsWith('import ') ? index : last), -1);
  lines.splice(lastImport + 1, 0, ...imports);
  text = lines.join('\n');
  const append = (list, id) => {
    const pattern = new RegExp(`(export const ${list} = \\[)([^\\]]*)(\\] as const)`);
    if (!pattern.test(text)) usage(`${catalogFile}: cannot find the ${list} list`);
    text = text.replace(pattern, (_, open, entries, close) => `${open}${entries.trim() ? `${entries.trim()}, ` : ''}${id}${close}`);
  };
  append('ruleDescriptors', ruleId);
  if (codemod) append('codemodDescriptors', codemodId);
  writeFileSync(absolute, text);
  written.push(`${catalogFile} (one entry per list)`);
}

for (const [file, text] of Object.entries(files)) write(file, text);
addToCatalog();
console.log(`Scaffolded leakguard/${rule}${codemod ? ` and codemod ${codemod}` : ''} under ${path.relative(process.cwd(), root) || '.'}:`);
for (const file of written) console.log(`  ${file}`);
console.log('Next: search for "scaffold:" in these files; npm run build && npm run docs:headers; the meta-tests (tests/meta) pass when the rule is real.');
