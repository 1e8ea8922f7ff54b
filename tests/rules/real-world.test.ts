import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as typescriptParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { codemodsFixing, ruleDescriptors, shippedCatalog } from '../../src/descriptors/catalog';
import { runCodemod } from '../../src/codemod/run-codemod';
import { createTypedProject } from '../typed-project';

/**
 * Leak fixes in the shape public projects made them (paraphrased, not copied; each before file cites
 * its project and the issue or pull request): the code before the fix must be reported by the rule
 * its header names (`// Rule: leakguard/<rule>`, require-close when absent), the code after it must
 * draw no report from any rule, in both modes; and the paired codemod's own rewrite of the "before"
 * must leave the rule quiet too, or say why it left the site. A pair whose leak a rule cannot see
 * yet says so in a `// Known gap: <reason>` line: its "before" test is a todo until the gap closes.
 */
const folder = path.join(__dirname, 'real-world');
const ruleNames = Object.keys(rules);

function headerTag(source: string, tag: string): string | undefined {
  return new RegExp(`^// ${tag}: (.+)$`, 'm').exec(source)?.[1]?.trim();
}

const pairs = readdirSync(folder)
  .filter((file) => file.includes('.before.'))
  .sort()
  .map((file) => {
    const before = readFileSync(path.join(folder, file), 'utf8');
    const rule = (headerTag(before, 'Rule')?.replace(/^leakguard\//, '') ?? 'require-close');
    if (!ruleNames.includes(rule)) throw new Error(`${file}: unknown rule '${rule}' in its Rule: header`);
    // A rule with suggestions only has no codemod: its pairs check the rule alone.
    const descriptor = ruleDescriptors.find((candidate) => candidate.name === rule)!;
    const codemod = codemodsFixing(shippedCatalog, descriptor)[0];
    return {
      name: file.replace(/\.before\.\w+$/, ''),
      extension: path.extname(file),
      rule,
      codemod,
      knownGap: headerTag(before, 'Known gap'),
      before,
      after: readFileSync(path.join(folder, file.replace('.before.', '.after.')), 'utf8'),
    };
  });

const project = createTypedProject('real-world');
afterAll(() => project.remove());

const plugin = { rules } as unknown as NonNullable<Linter.Config['plugins']>[string];

/** Every leakguard finding on `code`, all rules on. */
function lint(code: string, file: string, typed: boolean): Linter.LintMessage[] {
  // Config `files` patterns are relative to the linter's cwd: the snippets live in the temp project.
  const linter = new Linter({ cwd: project.dir });
  const isTypeScript = /\.[cm]?tsx?$/.test(file);
  const config: Linter.Config = {
    files: ['**/*.ts', '**/*.js'],
    plugins: { leakguard: plugin },
    rules: Object.fromEntries(ruleNames.map((name) => [`leakguard/${name}`, 'error'])),
    languageOptions: isTypeScript
      ? {
          parser: typescriptParser as unknown as Linter.Parser,
          parserOptions: typed ? { project: project.tsconfigPath, tsconfigRootDir: project.dir } : {},
        }
      : { sourceType: 'commonjs' },
  };
  const messages = linter.verify(code, [config], file);
  const fatal = messages.filter((message) => message.fatal);
  expect(fatal, fatal.map((message) => message.message).join('\n')).toEqual([]);
  return messages.filter((message) => message.ruleId?.startsWith('leakguard/'));
}

const describeFindings = (messages: readonly Linter.LintMessage[]) =>
  messages.map((message) => `${message.line}: ${message.ruleId} ${message.message}`).join('\n');

describe('real leak fixes', () => {
  it('cover every rule', () => {
    expect(new Set(pairs.map((pair) => pair.rule))).toEqual(new Set(ruleNames));
  });

  for (const pair of pairs) {
    const modes = pair.extension === '.ts' ? [true, false] : [false];
    for (const typed of modes) {
      const mode = typed ? 'typed' : 'untyped';
      describe(`${pair.name}: ${pair.rule} (${mode})`, () => {
        // Each snippet gets its own file: one typed program serves them all.
        const beforeFile = project.writeSource(`${pair.name}.before.${mode}${pair.extension}`, pair.before);
        const afterFile = project.writeSource(`${pair.name}.after.${mode}${pair.extension}`, pair.after);
        const codemod = pair.codemod && runCodemod(pair.codemod, { source: pair.before, filePath: beforeFile });
        const fixedFile = codemod && project.writeSource(`${pair.name}.fixed.${mode}${pair.extension}`, codemod.output ?? pair.before);

        if (pair.knownGap) {
          it.todo(`reports the code before the fix — known gap: ${pair.knownGap}`);
        } else {
          it(`reports the code before the fix with ${pair.rule}`, () => {
            const findings = lint(pair.before, beforeFile, typed);
            expect(findings.filter((message) => message.ruleId === `leakguard/${pair.rule}`).length, describeFindings(findings)).toBeGreaterThan(0);
          });
        }

        it('stays quiet on the code after the fix, with every rule on', () => {
          const findings = lint(pair.after, afterFile, typed);
          expect(describeFindings(findings)).toBe('');
        });

        if (!pair.knownGap && codemod && fixedFile) {
          it(`stays quiet on ${pair.codemod?.name}'s own fix, or the codemod says why it left the site`, () => {
            const fixed = readFileSync(fixedFile, 'utf8');
            const skipped = codemod.outcomes.filter((outcome) => outcome.status === 'skipped');
            if (skipped.length > 0) {
              // The marker it leaves keeps the rule reporting: a reviewer sees the reason.
              expect(skipped.every((outcome) => (outcome.reason ?? '').length > 0)).toBe(true);
              return;
            }
            expect(fixed).not.toBe(pair.before);
            const findings = lint(fixed, fixedFile, typed).filter((message) => message.ruleId === `leakguard/${pair.rule}`);
            expect(describeFindings(findings)).toBe('');
          });
        }
      });
    }
  }
});
