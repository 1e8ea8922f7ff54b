/**
 * Rule docs are executable: their examples are linted with the rule they document, typed, so a doc
 * can never promise a finding the rule does not make (or show as correct code the rule flags).
 *
 * Conventions for docs/rules/<rule>.md, enforced here:
 *
 * - **Description.** Either a `# leakguard/<rule>` title followed by the description as the first
 *   paragraph (blank lines and `<!-- … -->` comments before it are skipped), or eslint-doc-generator's
 *   title `# <description> (`leakguard/<rule>`)`. It must equal the rule's `meta.docs.description`
 *   (a trailing period is allowed), so the doc and `leakguard list` never drift apart.
 * - **Examples.** A fenced ```ts (or ```typescript) block belongs to the closest heading above it
 *   (levels 2 to 6, e.g. `## Incorrect`, `### Correct`). If that heading contains the word
 *   `Incorrect`, the rule must report the block at least once; if it contains the word `Correct`,
 *   the rule must not report it at all. Blocks under any other heading (Options, How to fix,
 *   settings snippets) are not linted.
 * - **Options.** `ts option='{"unknownCallsTakeOwnership": false}'` on the fence configures the rule
 *   with that option object for this block only; otherwise the rule's defaults apply.
 * - Every doc has at least one Incorrect and one Correct example; every example parses.
 *
 * Each example is a module of its own (moduleDetection: force), may import `node:*` modules and the
 * packages installed in this repository (pg, mysql2 …), and is linted with type information.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Linter, type ESLint } from 'eslint';
import * as typescriptParser from '@typescript-eslint/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { createTypedProject, repoRoot, type TypedProject } from '../typed-project';

const ruleDocsDir = path.join(repoRoot, 'docs', 'rules');

type ExampleKind = 'incorrect' | 'correct';

interface CodeExample {
  readonly kind: ExampleKind;
  /** 1-based line of the opening fence, to point at the failing example. */
  readonly line: number;
  readonly heading: string;
  readonly code: string;
  /** The rule's option object from `option='…'` on the fence, if any. */
  readonly option: unknown;
}

interface RuleDoc {
  readonly rule: string;
  readonly file: string;
  readonly markdown: string;
  readonly examples: readonly CodeExample[];
}

const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;

function exampleKind(heading: string): ExampleKind | undefined {
  // Case-sensitive words: "Incorrect" contains "correct" but not the word "Correct".
  if (/\bIncorrect\b/.test(heading)) return 'incorrect';
  if (/\bCorrect\b/.test(heading)) return 'correct';
  return undefined;
}

function parseFenceOption(info: string, line: number): unknown {
  const match = /\boption=(?:'([^']*)'|"([^"]*)")/.exec(info);
  if (!match) return undefined;
  const json = match[1] ?? match[2] ?? '';
  try {
    return JSON.parse(json) as unknown;
  } catch {
    throw new Error(`line ${line}: option=${json} is not JSON`);
  }
}

/** The ts examples of a doc, classified by the heading they sit under. */
function extractExamples(markdown: string): CodeExample[] {
  const lines = markdown.split(/\r?\n/);
  const examples: CodeExample[] = [];
  let heading = '';
  let level = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const fence = FENCE.exec(line);
    if (fence) {
      const [, indent = '', marker = '```', info = ''] = fence;
      const closing = new RegExp(`^\\s*${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
      const start = index;
      const body: string[] = [];
      for (index++; index < lines.length && !closing.test(lines[index] ?? ''); index++) {
        const bodyLine = lines[index] ?? '';
        body.push(bodyLine.startsWith(indent) ? bodyLine.slice(indent.length) : bodyLine);
      }
      const language = info.trim().split(/\s+/)[0] ?? '';
      const kind = level >= 2 ? exampleKind(heading) : undefined;
      if (kind && (language === 'ts' || language === 'typescript')) {
        examples.push({ kind, line: start + 1, heading, code: `${body.join('\n')}\n`, option: parseFenceOption(info, start + 1) });
      }
      continue;
    }
    const match = HEADING.exec(line);
    if (match) {
      level = match[1]?.length ?? 0;
      heading = match[2] ?? '';
    }
  }
  return examples;
}

/** Where the description lives (see the header comment); undefined when the doc has none. */
function documentedDescription(markdown: string, rule: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  const titleIndex = lines.findIndex((line) => /^#\s/.test(line));
  if (titleIndex === -1) return undefined;
  const title = (lines[titleIndex] ?? '').replace(/^#\s+/, '').trim();
  const generatedTitle = new RegExp(`^(.*?)\\s*\\(\`leakguard/${rule}\`\\)$`).exec(title);
  if (generatedTitle) return generatedTitle[1];

  let index = titleIndex + 1;
  for (;;) {
    const line = (lines[index] ?? '').trim();
    if (index >= lines.length) return undefined;
    if (line === '') {
      index++;
    } else if (line.startsWith('<!--')) {
      while (index < lines.length && !(lines[index] ?? '').includes('-->')) index++;
      index++;
    } else {
      break;
    }
  }
  const paragraph: string[] = [];
  for (; index < lines.length && (lines[index] ?? '').trim() !== ''; index++) paragraph.push((lines[index] ?? '').trim());
  return paragraph.join(' ');
}

/** Why a doc's examples cannot prove anything, or undefined when they can. */
function missingExamples(examples: readonly CodeExample[]): string | undefined {
  const missing = (['incorrect', 'correct'] as const).filter((kind) => !examples.some((example) => example.kind === kind));
  if (missing.length === 0) return undefined;
  return `no ${missing.map((kind) => (kind === 'incorrect' ? '`Incorrect`' : '`Correct`')).join(' and no ')} example (a \`\`\`ts block under a heading with that word)`;
}

const withoutFinalPeriod = (text: string) => text.trim().replace(/\.$/, '');

function readRuleDocs(): RuleDoc[] {
  let files: string[];
  try {
    files = readdirSync(ruleDocsDir).filter((file) => file.endsWith('.md'));
  } catch {
    files = [];
  }
  return files.sort().map((file) => {
    const markdown = readFileSync(path.join(ruleDocsDir, file), 'utf8');
    return { rule: path.basename(file, '.md'), file: `docs/rules/${file}`, markdown, examples: extractExamples(markdown) };
  });
}

const ruleDocs = readRuleDocs();
const ruleModules: Record<string, { meta: { docs?: { description?: string } } } | undefined> = rules;

describe('the docs harness', () => {
  const sample = [
    '# leakguard/sample',
    '',
    '<!-- generated badges -->',
    'Require samples to be',
    'released.',
    '',
    '## Incorrect',
    '```ts',
    'leak();',
    '```',
    '### Correct with an option',
    "```ts option='{\"unknownCallsTakeOwnership\": false}'",
    'release();',
    '```',
    '## Options',
    '```ts',
    'configure();',
    '```',
    '```js',
    'ignored();',
    '```',
  ].join('\n');

  it('classifies examples by the closest heading and ignores other headings and languages', () => {
    expect(extractExamples(sample).map(({ kind, line, code, option }) => ({ kind, line, code, option }))).toEqual([
      { kind: 'incorrect', line: 8, code: 'leak();\n', option: undefined },
      { kind: 'correct', line: 12, code: 'release();\n', option: { unknownCallsTakeOwnership: false } },
    ]);
  });

  it('reads the description from the first paragraph or from a generated title', () => {
    expect(documentedDescription(sample, 'sample')).toBe('Require samples to be released.');
    expect(documentedDescription('# Require samples (`leakguard/sample`)\n\n💼 badges', 'sample')).toBe('Require samples');
  });

  it('rejects a doc that has no example of either kind', () => {
    expect(missingExamples(extractExamples('# leakguard/sample\n\nDescription.\n\n## Usage\n\n```ts\nx();\n```\n'))).toMatch(
      /no `Incorrect` and no `Correct` example/,
    );
    expect(missingExamples(extractExamples(sample))).toBeUndefined();
  });
});

describe('rule docs', () => {
  it('exist: docs/rules holds a doc to check', () => {
    expect(ruleDocs.map((doc) => doc.file), 'docs/rules/*.md: nothing to check').not.toEqual([]);
  });

  // One TypeScript project for every example of every doc: building the program is the slow part
  // of typed linting, so it is paid once for this test file.
  let project: TypedProject | undefined;
  const exampleFiles = new Map<CodeExample, string>();
  let linter: Linter;

  beforeAll(() => {
    const typedProject = createTypedProject('docs');
    project = typedProject;
    for (const doc of ruleDocs) {
      doc.examples.forEach((example, index) => {
        exampleFiles.set(example, typedProject.writeSource(`${doc.rule}.${index + 1}.${example.kind}.ts`, example.code));
      });
    }
    linter = new Linter({ configType: 'flat', cwd: typedProject.dir });
  });

  afterAll(() => project?.remove());

  function lintExample(rule: string, example: CodeExample): Linter.LintMessage[] {
    const filename = exampleFiles.get(example);
    if (!filename) throw new Error('example was not written to the project');
    return linter.verify(
      example.code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: {
            parser: typescriptParser,
            parserOptions: { project: project?.tsconfigPath, tsconfigRootDir: project?.dir },
          },
          plugins: { leakguard: { rules } as unknown as ESLint.Plugin },
          rules: { [`leakguard/${rule}`]: example.option === undefined ? 'error' : ['error', example.option] },
        },
      ],
      { filename },
    );
  }

  const describeMessage = (message: Linter.LintMessage) => `${message.line}:${message.column} ${message.ruleId ?? 'fatal'}: ${message.message}`;

  for (const doc of ruleDocs) {
    describe(doc.file, () => {
      it('documents a rule of rules/index.ts', () => {
        expect(Object.keys(rules)).toContain(doc.rule);
      });

      it("opens with the rule's meta.docs.description", () => {
        const description = ruleModules[doc.rule]?.meta.docs?.description ?? '';
        const documented = documentedDescription(doc.markdown, doc.rule);
        expect(documented, 'no description paragraph after the title').toBeDefined();
        expect(withoutFinalPeriod(documented ?? '')).toBe(withoutFinalPeriod(description));
      });

      it('has at least one Incorrect and one Correct example', () => {
        expect(missingExamples(doc.examples)).toBeUndefined();
      });

      for (const example of doc.examples) {
        const where = `line ${example.line} (under "${example.heading}")`;
        if (example.kind === 'incorrect') {
          it(`reports the Incorrect example at ${where}`, () => {
            const messages = lintExample(doc.rule, example);
            expect(messages.filter((message) => message.fatal).map(describeMessage)).toEqual([]);
            expect(messages.filter((message) => message.ruleId === `leakguard/${doc.rule}`).length, 'no report').toBeGreaterThan(0);
          });
        } else {
          it(`does not report the Correct example at ${where}`, () => {
            expect(lintExample(doc.rule, example).map(describeMessage)).toEqual([]);
          });
        }
      }
    });
  }
});
