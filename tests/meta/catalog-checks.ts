import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../../src/descriptors/catalog';
import { codemodDocHeader, currentHeader, ruleDocHeader } from '../../src/descriptors/doc-header';
import { fencedBlocks, headings } from './markdown';

/**
 * What makes a rule or a codemod real, checked over a repository laid out as this one (the shipped
 * catalog here; a scaffolded copy in tests/meta/scaffold.test.ts): its files exist, its doc's header
 * is the generated one, every option has a heading, the doc has examples, the tests and fixtures
 * exist, and nothing still carries the scaffold's `scaffold:` reminders. Returns the problems, each
 * naming its file; an empty list means the catalog is complete.
 */
export function catalogProblems(root: string, catalog: Catalog): string[] {
  const problems: string[] = [];
  const read = (file: string): string | undefined => {
    const absolute = path.join(root, file);
    if (!existsSync(absolute)) {
      problems.push(`${file} is missing`);
      return undefined;
    }
    return readFileSync(absolute, 'utf8');
  };
  const readIfPresent = (file: string): string | undefined => (existsSync(path.join(root, file)) ? readFileSync(path.join(root, file), 'utf8') : undefined);
  const noReminders = (file: string, text: string | undefined): void => {
    const reminder = text?.split('\n').findIndex((line) => /\bscaffold:/.test(line));
    if (reminder !== undefined && reminder !== -1) problems.push(`${file}:${reminder + 1} still has a scaffold reminder: ${text!.split('\n')[reminder].trim()}`);
  };
  const names = new Set<string>();
  for (const rule of catalog.rules) {
    if (names.has(rule.name)) problems.push(`rule ${rule.name} is listed twice`);
    names.add(rule.name);
    const doc = `docs/rules/${rule.name}.md`;
    const markdown = read(doc);
    for (const file of [`rules/${rule.name}.ts`, `tests/rules/${rule.name}.test.ts`]) noReminders(file, read(file));
    noReminders(`src/detectors/${rule.name}.ts`, readIfPresent(`src/detectors/${rule.name}.ts`));
    if (markdown === undefined) continue;
    noReminders(doc, markdown);
    if (currentHeader(markdown) !== ruleDocHeader(rule, catalog)) problems.push(`${doc}: the header is not the generated one (npm run docs:headers)`);
    for (const option of Object.keys(rule.options)) {
      if (!headings(markdown).includes(option)) problems.push(`${doc}: option \`${option}\` has no heading`);
    }
    const examples = fencedBlocks(markdown).filter((block) => ['ts', 'tsx', 'js'].includes(block.language));
    for (const kind of ['Incorrect', 'Correct']) {
      if (!examples.some((block) => block.section.startsWith(kind))) problems.push(`${doc}: no ${kind} example`);
    }
  }
  const codemodNames = new Set<string>();
  for (const codemod of catalog.codemods) {
    if (codemodNames.has(codemod.name)) problems.push(`codemod ${codemod.name} is listed twice`);
    codemodNames.add(codemod.name);
    if (codemod.fixes.length === 0) problems.push(`codemod ${codemod.name} fixes no rule`);
    for (const rule of codemod.fixes) {
      if (!catalog.rules.includes(rule)) problems.push(`codemod ${codemod.name} fixes ${rule.name}, which is not in the rule list`);
    }
    noReminders(`codemods/${codemod.name}.ts`, read(`codemods/${codemod.name}.ts`));
    for (const file of [`src/codemods/${codemod.name}.ts`, `src/remedies/${codemod.name}-plan.ts`]) noReminders(file, readIfPresent(file));
    const doc = `docs/codemods/${codemod.name}.md`;
    const markdown = read(doc);
    if (markdown !== undefined) {
      noReminders(doc, markdown);
      if (currentHeader(markdown) !== codemodDocHeader(codemod)) problems.push(`${doc}: the header is not the generated one (npm run docs:headers)`);
      for (const option of Object.keys(codemod.options)) {
        if (!headings(markdown).includes(`--${option}`)) problems.push(`${doc}: option \`--${option}\` has no heading`);
      }
      const blocks = fencedBlocks(markdown);
      const before = blocks.filter((block) => block.section === 'Before').length;
      const after = blocks.filter((block) => block.section === 'After').length;
      if (before === 0 || before !== after) problems.push(`${doc}: needs as many Before as After examples, at least one (has ${before} and ${after})`);
    }
    const fixtures = path.join(root, 'tests', 'codemods', codemod.name);
    const inputs = existsSync(fixtures) ? readdirSync(fixtures).filter((file) => file.includes('.input.')) : [];
    if (inputs.length === 0) problems.push(`tests/codemods/${codemod.name}/ has no fixture`);
    for (const input of inputs) noReminders(`tests/codemods/${codemod.name}/${input}`, readFileSync(path.join(fixtures, input), 'utf8'));
  }
  // One flag, one meaning: `--style` of two codemods must be the same option.
  const specs = new Map<string, string>();
  for (const codemod of catalog.codemods) {
    for (const [name, spec] of Object.entries(codemod.options)) {
      const known = specs.get(name);
      if (known !== undefined && known !== JSON.stringify(spec)) problems.push(`option --${name} means different things to different codemods`);
      specs.set(name, JSON.stringify(spec));
    }
  }
  return problems;
}
