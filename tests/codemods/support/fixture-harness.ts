/**
 * Codemods against their fixtures: <fixturesRoot>/<codemod>/<name>.input.<ext> must become
 * <name>.output.<ext>, and the rewrite must be idempotent, parse, leave the rules it fixes reporting
 * only what was refused (with a marker), add no TypeScript error, and come out the same with type
 * information. tests/codemods/README.md explains the fixture conventions. The codemods are a
 * parameter: harness.test.ts runs the shipped list, tests/descriptors the scaffolded test doubles.
 */
import { parse } from '@typescript-eslint/typescript-estree';
import jscodeshift from 'jscodeshift';
import type ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodemodResult, CodemodRunOptions } from '../../../src/codemod/outcome';
import { runCodemod } from '../../../src/codemod/run-codemod';
import type { AnyCodemodDescriptor } from '../../../src/descriptors/codemod-descriptor';
import { allowsJsx, discoverFixtures, isTypeScript, type CodemodFixture, type FixtureExtension, type FixtureOptions } from './fixtures';
import { markedStatements } from './markers';
import { lintWithRules, type RuleReport } from './paired-rule';
import { diagnosticMessages, FixtureProject, newMessages } from './typescript-project';

type Attempt<T> = { readonly value: T } | { readonly error: unknown };

function attempt<T>(run: () => T): Attempt<T> {
  try {
    return { value: run() };
  } catch (error) {
    return { error };
  }
}

function valueOf<T>(result: Attempt<T> | undefined): T {
  if (!result) throw new Error('this run did not happen: see the failure of the fixture folder’s setup');
  if ('error' in result) throw result.error;
  return result.value;
}

/** One fixture's runs. Typed runs see temp copies of the fixture inside a TypeScript program. */
interface FixtureRuns {
  /** The run whose output is compared with the .output file: typed for `codemod-typed-only`. */
  primary: Attempt<CodemodResult>;
  /** The typed run of a TypeScript fixture that is not typed-only. */
  typed?: Attempt<CodemodResult>;
  /** The temp copies (TypeScript fixtures): input, and the primary run's printed output. */
  tempInput?: string;
  tempOutput?: string;
}

/** Builds the two programs of a fixture folder (inputs, outputs) once and runs every fixture. */
class FolderRuns {
  readonly runs = new Map<CodemodFixture, FixtureRuns>();
  project: FixtureProject | undefined;
  inputProgram: ts.Program | undefined;
  outputProgram: ts.Program | undefined;

  constructor(
    readonly codemod: AnyCodemodDescriptor,
    readonly fixtures: readonly CodemodFixture[],
  ) {}

  prepare(): void {
    const typeScript = this.fixtures.filter(isTypeScript);
    const project = typeScript.length > 0 ? new FixtureProject(this.codemod.name) : undefined;
    this.project = project;
    const tempInputs = new Map(typeScript.map((fixture) => [fixture, project!.write(`input/${fixture.name}.${fixture.extension}`, fixture.input)]));
    if (project) this.inputProgram = project.program([...tempInputs.values()]);
    for (const fixture of this.fixtures) {
      const { input: source, directives } = fixture;
      const tempInput = tempInputs.get(fixture);
      const typed = () => {
        if (!tempInput || !this.inputProgram) throw new Error('codemod-typed-only needs a .ts or .tsx fixture');
        return runCodemod(this.codemod, { source, filePath: tempInput, program: this.inputProgram }, runOptions(this.codemod, directives.options));
      };
      const untyped = () => runCodemod(this.codemod, { source, filePath: fixture.inputPath }, runOptions(this.codemod, directives.options));
      this.runs.set(
        fixture,
        directives.typedOnly
          ? { primary: attempt(typed), tempInput }
          : { primary: attempt(untyped), ...(tempInput ? { typed: attempt(typed), tempInput } : {}) },
      );
    }
    if (project) {
      for (const fixture of typeScript) {
        const runs = this.runs.get(fixture)!;
        runs.tempOutput = project.write(`output/${fixture.name}.${fixture.extension}`, printed(fixture, runs.primary));
      }
      this.outputProgram = project.program(typeScript.map((fixture) => this.runs.get(fixture)!.tempOutput!));
    }
  }

  dispose(): void {
    this.project?.remove();
  }
}

/** What the run printed: its output, or the input when it changed nothing (or failed). */
function printed(fixture: CodemodFixture, primary: Attempt<CodemodResult>): string {
  return ('value' in primary ? primary.value.output : undefined) ?? fixture.input;
}

function describeReports(reports: readonly RuleReport[]): string {
  return reports.map((report) => `${report.line}:${report.column} ${report.message}`).join('\n') || '(none)';
}

/** jscodeshift's own (Babel) parser for the extension, as DESIGN.md chooses it: `.ts` → ts, the rest → tsx. */
function jscodeshiftParser(extension: FixtureExtension): 'ts' | 'tsx' {
  return extension === 'ts' ? 'ts' : 'tsx';
}

/**
 * A fixture's `codemod-options` directive, flat as users write flags (`{"style":"using"}`), as
 * runCodemod takes it: the codemod's own options apart, `ruleOptions` for every rule it fixes.
 */
export function runOptions(codemod: AnyCodemodDescriptor, directive: FixtureOptions): CodemodRunOptions {
  const { ruleOptions, settings, ...own } = directive;
  return {
    codemodOptions: own,
    ...(ruleOptions ? { ruleOptions: Object.fromEntries(codemod.fixes.map((rule) => [rule.name, ruleOptions])) } : {}),
    ...(settings === undefined ? {} : { settings }),
  };
}

const ruleList = (codemod: AnyCodemodDescriptor) => codemod.fixes.map((rule) => `leakguard/${rule.name}`).join(', ');

/** Registers the fixture tests of every codemod in `codemods`, whose fixtures are under `fixturesRoot`. */
export function describeCodemodFixtures(codemods: readonly AnyCodemodDescriptor[], fixturesRoot: string): void {
  const folders = codemods.map((codemod) => ({ codemod, folder: discoverFixtures(fixturesRoot, codemod.name) }));

  for (const { codemod, folder } of folders) {
    describe(`codemod ${codemod.name} (fixes ${ruleList(codemod)})`, () => {
      const state = new FolderRuns(codemod, folder.fixtures);
      beforeAll(() => state.prepare());
      afterAll(() => state.dispose());

      it('has fixtures, each with an expected output or a reason to stay unchanged', () => {
        expect(folder.problems).toEqual([]);
        expect(folder.fixtures.length).toBeGreaterThan(0);
      });

      for (const fixture of folder.fixtures) {
        const file = `${fixture.name}.input.${fixture.extension}`;
        const { typedOnly, unchanged } = fixture.directives;
        const options = runOptions(codemod, fixture.directives.options);
        const typed = typedOnly !== undefined;
        const runsOf = () => {
          const runs = state.runs.get(fixture);
          if (!runs) throw new Error('the fixture folder’s setup failed');
          return runs;
        };
        /** The primary run's file, as the codemod and the rule see it: the temp copy when typed. */
        const primaryFile = () => (typed ? runsOf().tempOutput! : fixture.inputPath);

        describe(file, () => {
          if (unchanged) {
            it(`is left unchanged with no finding (${unchanged})`, () => {
              const result = valueOf(runsOf().primary);
              expect(result.parseError).toBeUndefined();
              expect(result.outcomes).toEqual([]);
              expect(result.output).toBeUndefined();
            });
          } else {
            it(`rewrites to ${fixture.name}.output.${fixture.extension}${typed ? ' (typed)' : ''}`, () => {
              const result = valueOf(runsOf().primary);
              expect(result.parseError).toBeUndefined();
              expect(result.outcomes.length).toBeGreaterThan(0);
              expect(result.output ?? fixture.input).toBe(fixture.expected);
            });
          }

          it('is idempotent: a second run on its output changes nothing and fixes nothing', () => {
            const runs = runsOf();
            const output = printed(fixture, { value: valueOf(runs.primary) });
            const second = typed
              ? runCodemod(codemod, { source: output, filePath: runs.tempOutput!, program: state.outputProgram! }, options)
              : runCodemod(codemod, { source: output, filePath: fixture.inputPath }, options);
            expect(second.parseError).toBeUndefined();
            expect(second.output ?? output).toBe(output);
            expect(second.output).toBeUndefined();
            expect(second.outcomes.filter((outcome) => outcome.status === 'fixed')).toEqual([]);
          });

          it('prints code that parses, with typescript-estree and with jscodeshift’s Babel parser', () => {
            const output = printed(fixture, { value: valueOf(runsOf().primary) });
            expect(() => parse(output, { jsx: allowsJsx(fixture.extension), loc: true, range: true })).not.toThrow();
            // Babel follows the spec where TypeScript is lenient (e.g. `using` in a bare `case` clause).
            expect(() => jscodeshift.withParser(jscodeshiftParser(fixture.extension))(output)).not.toThrow();
          });

          it(`leaves ${ruleList(codemod)} reporting exactly the refused sites, each under one marker`, () => {
            const runs = runsOf();
            const result = valueOf(runs.primary);
            const output = printed(fixture, runs.primary);
            const refused = result.outcomes.filter((outcome) => outcome.status === 'skipped');
            // The codemod accounts for every finding the rule reports on the input, no more, no fewer.
            const inputReports = lintWithRules(codemod.fixes, fixture.input, typed ? runs.tempInput! : fixture.inputPath, fixture.extension, {
              program: typed ? state.inputProgram : undefined,
              options: fixture.directives.options,
            });
            expect(
              result.outcomes.length,
              `the rule reports on the input:\n${describeReports(inputReports)}\nthe codemod's outcomes:\n${result.outcomes.map((outcome) => `${outcome.line}:${outcome.column} ${outcome.status} ${outcome.message}`).join('\n')}`,
            ).toBe(inputReports.length);
            // On the output, the rule is quiet on what was fixed and still reports what was refused,
            // each refused site in the statement right under its marker.
            const outputReports = lintWithRules(codemod.fixes, output, primaryFile(), fixture.extension, {
              program: typed ? state.outputProgram : undefined,
              options: fixture.directives.options,
            });
            const marked = markedStatements(output, fixture.extension, codemod.name);
            const within = (report: RuleReport, statement: (typeof marked)[number]) => report.line >= statement.startLine && report.line <= statement.endLine;
            expect(marked.map((statement) => statement.markerLine), 'one marker per refused finding').toHaveLength(refused.length);
            expect(describeReports(outputReports.filter((report) => !marked.some((statement) => within(report, statement)))), 'reports on the output outside marked statements').toBe('(none)');
            expect(marked.filter((statement) => !outputReports.some((report) => within(report, statement))), 'markers over a site the rule no longer reports').toEqual([]);
            expect(outputReports, describeReports(outputReports)).toHaveLength(refused.length);
            for (const outcome of refused) {
              expect(output).toContain(`/* leakguard-todo(${codemod.name}): ${outcome.reason}`);
            }
          });

          if (isTypeScript(fixture)) {
            it('adds no TypeScript error (strict, node16, @types/node)', () => {
              const runs = runsOf();
              valueOf(runs.primary);
              const before = diagnosticMessages(state.inputProgram!, runs.tempInput!);
              const after = diagnosticMessages(state.outputProgram!, runs.tempOutput!);
              expect(newMessages(before, after)).toEqual([]);
            });
          }

          if (isTypeScript(fixture) && !typed) {
            it('rewrites it the same way with type information', () => {
              const runs = runsOf();
              const untyped = valueOf(runs.primary);
              const typedResult = valueOf(runs.typed);
              expect(typedResult.parseError).toBeUndefined();
              expect(typedResult.output ?? fixture.input).toBe(fixture.expected);
              const summary = (result: CodemodResult) => result.outcomes.map((outcome) => `${outcome.line}:${outcome.column} ${outcome.status}`);
              expect(summary(typedResult)).toEqual(summary(untyped));
            });
          }
        });
      }
    });
  }
}
