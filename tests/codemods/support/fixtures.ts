import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
/**
 * A fixture's `codemod-options` directive: the codemod's own options as flags name them (`style`,
 * `max` …), plus `ruleOptions` (for every rule the codemod fixes) and `settings` (`settings.leakguard`).
 */
export interface FixtureOptions {
  readonly ruleOptions?: Readonly<Record<string, unknown>>;
  readonly settings?: unknown;
  readonly [codemodOption: string]: unknown;
}

export const FIXTURE_EXTENSIONS = ['ts', 'tsx', 'js', 'cjs', 'mjs'] as const;
export type FixtureExtension = (typeof FIXTURE_EXTENSIONS)[number];

const INPUT_FILE = new RegExp(`^(.+)\\.input\\.(${FIXTURE_EXTENSIONS.join('|')})$`);
const OUTPUT_FILE = new RegExp(`^(.+)\\.output\\.(${FIXTURE_EXTENSIONS.join('|')})$`);

/** One `<name>.input.<ext>` file with what the codemod must make of it. */
export interface CodemodFixture {
  readonly codemod: string;
  readonly name: string;
  readonly extension: FixtureExtension;
  readonly inputPath: string;
  readonly input: string;
  /** The `.output` file's path; undefined when the fixture says `codemod-unchanged`. */
  readonly outputPath: string | undefined;
  /** What the codemod must print: the `.output` file, or the input itself for an unchanged fixture. */
  readonly expected: string;
  readonly directives: FixtureDirectives;
}

export interface FixtureDirectives {
  /** `// codemod-options: {"style":"using"}`: the third argument of `runCodemod`. */
  readonly options: FixtureOptions;
  /** `// codemod-typed-only: why`: the expected output is the typed analysis's; no untyped run. */
  readonly typedOnly: string | undefined;
  /** `// codemod-unchanged: why`: the codemod must find nothing and print nothing (no `.output` file). */
  readonly unchanged: string | undefined;
}

export function isTypeScript(fixture: CodemodFixture): boolean {
  return fixture.extension === 'ts' || fixture.extension === 'tsx';
}

/** As the codemod and ESLint parse them: JSX everywhere except `.ts`, where it would break `<T>x` casts. */
export function allowsJsx(extension: FixtureExtension): boolean {
  return extension !== 'ts';
}

export function isCommonJs(extension: FixtureExtension, source: string): boolean {
  return extension === 'cjs' || (extension === 'js' && !/^\s*(import|export)\s/m.test(source));
}

const DIRECTIVE = /^\/\/ codemod-([a-z-]+)(?::\s*(.*))?$/;

/**
 * Directives are `// codemod-<name>: <value>` comments on the first lines of the input, before any
 * code. They stay in the file the codemod sees (comments change nothing) and so in the output.
 */
export function parseDirectives(source: string, file: string): FixtureDirectives {
  let options: FixtureOptions = {};
  let typedOnly: string | undefined;
  let unchanged: string | undefined;
  for (const line of source.split(/\r?\n/)) {
    const match = DIRECTIVE.exec(line.trim());
    if (!match) break;
    const [, name, value = ''] = match;
    switch (name) {
      case 'options':
        try {
          options = JSON.parse(value) as FixtureOptions;
        } catch (error) {
          throw new Error(`${file}: codemod-options is not JSON: ${(error as Error).message}`);
        }
        break;
      case 'typed-only':
        typedOnly = value || 'typed only';
        break;
      case 'unchanged':
        if (!value) throw new Error(`${file}: codemod-unchanged needs a reason: // codemod-unchanged: <why the site stays>`);
        unchanged = value;
        break;
      default:
        throw new Error(`${file}: unknown directive codemod-${name} (known: options, typed-only, unchanged)`);
    }
  }
  return { options, typedOnly, unchanged };
}

/** Problems with a fixture folder's layout: stray files, outputs without inputs, missing outputs. */
export interface FixtureFolder {
  readonly fixtures: readonly CodemodFixture[];
  readonly problems: readonly string[];
}

export function discoverFixtures(fixturesRoot: string, codemod: string): FixtureFolder {
  const directory = path.join(fixturesRoot, codemod);
  if (!existsSync(directory)) return { fixtures: [], problems: [`no fixture folder ${path.relative(fixturesRoot, directory)}/`] };
  const files = readdirSync(directory).sort();
  const fixtures: CodemodFixture[] = [];
  const problems: string[] = [];
  const claimed = new Set<string>();
  for (const file of files) {
    const match = INPUT_FILE.exec(file);
    if (!match) continue;
    const [, name, extension] = match as unknown as [string, string, FixtureExtension];
    const inputPath = path.join(directory, file);
    const input = readFileSync(inputPath, 'utf8');
    const outputFile = `${name}.output.${extension}`;
    const outputPath = path.join(directory, outputFile);
    claimed.add(file);
    let directives: FixtureDirectives;
    try {
      directives = parseDirectives(input, file);
    } catch (error) {
      problems.push((error as Error).message);
      continue;
    }
    const hasOutput = existsSync(outputPath);
    if (hasOutput) claimed.add(outputFile);
    if (directives.unchanged && hasOutput) {
      problems.push(`${file} says codemod-unchanged but ${outputFile} exists: keep one of them`);
      continue;
    }
    if (!directives.unchanged && !hasOutput) {
      problems.push(`${file} has no ${outputFile} (or a // codemod-unchanged: <reason> first line)`);
      continue;
    }
    const expected = hasOutput ? readFileSync(outputPath, 'utf8') : input;
    if (hasOutput && expected === input) {
      problems.push(`${outputFile} is identical to its input: delete it and say // codemod-unchanged: <reason> instead`);
      continue;
    }
    fixtures.push({ codemod, name, extension, inputPath, input, outputPath: hasOutput ? outputPath : undefined, expected, directives });
  }
  for (const file of files) {
    if (claimed.has(file)) continue;
    problems.push(OUTPUT_FILE.test(file) ? `${file} has no matching .input file` : `${file} is not a fixture (<name>.input.<ext> / <name>.output.<ext>)`);
  }
  return { fixtures, problems };
}
