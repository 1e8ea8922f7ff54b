/**
 * Runs the user-facing docs' snippets (tests/package/markdown-snippets.ts) as a user would type them,
 * in a scratch project per ESLint major (tests/package/scratch-project.ts: the packed tarball installed
 * from a committed lockfile), every block starting from the same baseline commit:
 *
 * - the ESLint config blocks: each written to a file and loaded as the config file by the project's
 *   own ESLint, linting the whole project; all of a major's configs in one process (lint-configs.cjs),
 *   which shares the TypeScript program between them;
 * - the command blocks: line by line in bash, in the project (`npx <bin>` runs the installed bin);
 * - the lint-staged command lines: with a staged file appended, as lint-staged runs them.
 *
 * The runs happen in beforeAll, two at a time on two working copies of each project (vitest gives
 * this file one worker; the commands are child processes, so the second core runs the second copy),
 * and each snippet's `it` asserts on what its run produced.
 *
 * The sample sources: the README's example (a file handle released only on success, reported by both
 * presets), its JavaScript twin, a handle returned by the user's own helper (reported only with types:
 * that tells a typed config from an untyped one), and getting-started's silenced finding.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../cli/schema-subset';
import { repoRoot } from '../typed-project';
import { commandLines, lintStagedCommands, userSnippets, type Snippet } from './markdown-snippets';
import {
  createScratchProject,
  installedPackages,
  manifest,
  packTarball,
  type CommandResult,
  type ScratchProject,
  type ScratchVariant,
} from './scratch-project';

const LEAK_TS = 'src/load-config.ts';
const LEAK_JS = 'src/load-config-legacy.mjs';
const TYPED_ONLY = 'src/report.ts';

const extraSources: Record<string, string> = {
  [LEAK_JS]: [
    "import { open } from 'node:fs/promises';",
    '',
    'export async function loadConfig(path) {',
    '  const fh = await open(path);',
    "  const config = JSON.parse(await fh.readFile('utf8'));",
    '  await fh.close();',
    '  return config;',
    '}',
    '',
  ].join('\n'),
  // Untyped, `reportFileFor(…)` from another module is just a call (a function of the same file would
  // be followed; a name that says it opens something, `openReport`, would be judged by the release the
  // function makes); typed, it returns a FileHandle. Under a typed config with `disableTypeChecked`, in
  // single-run mode, typescript-eslint gives this file an isolated program, and TypeScript 6 threw
  // when asked about the imported name: the rules must run untyped there instead.
  'src/report-file.ts': [
    "import { open, type FileHandle } from 'node:fs/promises';",
    '',
    'export function reportFileFor(path: string): Promise<FileHandle> {',
    "  return open(path, 'w');",
    '}',
    '',
  ].join('\n'),
  [TYPED_ONLY]: [
    "import { reportFileFor } from './report-file.js';",
    '',
    'export async function writeReport(path: string, text: string): Promise<void> {',
    '  const fh = await reportFileFor(path);',
    '  await fh.writeFile(text);',
    '  await fh.close();',
    '}',
    '',
  ].join('\n'),
  // A Node project's tsconfig: without the DOM lib (the default for target ES2022 includes it), which
  // also makes each typed run's program a fifth cheaper to build.
  'tsconfig.json': `${JSON.stringify(
    {
      compilerOptions: { target: 'ES2022', lib: ['ES2022'], module: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] },
      include: ['src'],
    },
    null,
    2,
  )}\n`,
};

/** Output that means a command broke, whatever its exit code. */
const BROKEN_OUTPUT = [
  /Oops! Something went wrong/,
  /There was a problem loading formatter/,
  /Parsing error/,
  /was not found by the project service/,
  /\bERR_[A-Z_]+/,
  /npm (error|ERR!)/,
  /command not found/,
  /Cannot find module/,
];

/** Exit codes that mean "worked": ESLint and `leakguard fix` exit 1 when they find (or leave) leaks. */
function allowedStatuses(command: string): number[] {
  if (/^npx eslint\b/.test(command) || /^npx leakguard fix\b/.test(command)) return [0, 1];
  return [0];
}

interface LintMessage {
  ruleId: string | null;
  fatal?: boolean;
  severity: number;
  message: string;
  line: number;
}

interface LintResult {
  filePath: string;
  messages: LintMessage[];
}

function describeResult(result: CommandResult): string {
  return `\`${result.command}\` exited ${result.status} in ${result.ms} ms\n--- stdout\n${result.stdout.slice(0, 4000)}\n--- stderr\n${result.stderr.slice(0, 4000)}`;
}

function expectWorked(result: CommandResult, statuses: number[]): void {
  expect(statuses, describeResult(result)).toContain(result.status);
  for (const pattern of BROKEN_OUTPUT) expect(`${result.stdout}\n${result.stderr}`, describeResult(result)).not.toMatch(pattern);
}

/** A file a command wrote: a SARIF log with the sample's findings, a JSON report that fits its schema, or anything non-empty. */
function expectOutputFile(file: string, text: string): void {
  if (file.endsWith('.sarif')) {
    const log = JSON.parse(text) as { version: string; runs: Array<{ tool: { extensions?: Array<{ name: string }> }; results: unknown[] }> };
    expect(log.version, file).toBe('2.1.0');
    expect(log.runs[0]?.tool.extensions?.map((extension) => extension.name), file).toContain(manifest.name);
    expect(log.runs[0]?.results.length, `${file} has the sample's findings`).toBeGreaterThan(0);
  } else if (file.endsWith('.json')) {
    expect(validate(JSON.parse(text) as unknown, reportSchema()), file).toEqual([]);
  } else {
    expect(text.length, file).toBeGreaterThan(0);
  }
}

let cachedReportSchema: Record<string, unknown> | undefined;
function reportSchema(): Record<string, unknown> {
  cachedReportSchema ??= JSON.parse(readFileSync(path.join(repoRoot, 'docs', 'report-schema.json'), 'utf8')) as Record<string, unknown>;
  return cachedReportSchema;
}

export interface VariantPlan {
  readonly variant: ScratchVariant;
  /** Which runnable snippets this variant runs (ESLint 9 runs the ones where the ESLint major matters). */
  readonly include: (snippet: Snippet) => boolean;
}

interface LineOutcome {
  readonly result: CommandResult;
  /** Files the line writes (`-o`, `--report`), read right after it ran; null when missing. */
  readonly outputs: Record<string, string | null>;
}

interface ConfigOutcome {
  readonly error: string | null;
  readonly results: LintResult[];
}

type Outcome =
  | { readonly kind: 'commands'; readonly staging?: CommandResult; readonly lines: LineOutcome[] }
  | { readonly kind: 'lint-staged'; readonly runs: Array<{ leaky: CommandResult; ignored: CommandResult }> }
  | { readonly kind: 'config'; readonly config: ConfigOutcome };

interface Job {
  readonly variant: ScratchVariant;
  readonly label: string;
  execute(lane: ScratchProject): Promise<void>;
}

/** Output files named on a command line. */
function outputFiles(command: string): string[] {
  return [...command.matchAll(/(?:^|\s)(?:-o|--output-file|--report)\s+(\S+)/g)].map((match) => match[1] ?? '');
}

function readOutput(lane: ScratchProject, file: string): string | null {
  try {
    return lane.readFile(file);
  } catch {
    return null;
  }
}

/**
 * The snippets of every variant, run in beforeAll on two working copies per variant at a time (vitest
 * gives this file one core; the commands are child processes, so the second core runs the other copy),
 * then asserted one `it` per snippet.
 */
export function defineSnippetSuites(plans: VariantPlan[]): void {
  const { snippets, problems } = userSnippets(repoRoot);
  const sources = snippets.filter((snippet) => snippet.kind === 'source');
  const baselineConfigs = snippets.filter((snippet) => snippet.kind === 'config' && snippet.baseline);
  const timings: Array<{ label: string; ms: number }> = [];
  const outcomes = new Map<string, Outcome>();
  const projects = new Map<ScratchVariant, ScratchProject[]>();
  const idOf = (variant: ScratchVariant, snippet: Snippet) => `${variant} ${snippet.file}:${snippet.line}`;
  let packDir: string | undefined;
  let setupError: Error | undefined;

  // What each variant runs, duplicates (the same commands, trailing comments aside, or the same config
  // or lint-staged command lines in two docs) pointing at the first.
  const planned = plans.map((plan) => {
    const seen = new Map<string, Snippet>();
    const entries: Array<{ snippet: Snippet; sameAs?: Snippet }> = [];
    for (const snippet of snippets) {
      if (!['config', 'commands', 'lint-staged'].includes(snippet.kind) || !plan.include(snippet)) continue;
      const key =
        snippet.kind === 'commands'
          ? `commands:${commandLines(snippet.code)
              .map((line) => line.replace(/\s+#\s.*$/, ''))
              .join('\n')}:${snippet.staged}`
          : snippet.kind === 'lint-staged'
            ? `lint-staged:${JSON.stringify(lintStagedCommands(snippet.code))}`
            : `config:${snippet.code}`;
      const first = seen.get(key);
      if (first) entries.push({ snippet, sameAs: first });
      else {
        seen.set(key, snippet);
        entries.push({ snippet });
      }
    }
    return { ...plan, entries };
  });

  const jobs: Job[] = [];
  for (const plan of planned) {
    const unique = plan.entries.filter((entry) => !entry.sameAs).map((entry) => entry.snippet);
    const configs = unique.filter((snippet) => snippet.kind === 'config');
    if (configs.length > 0) {
      jobs.push({
        variant: plan.variant,
        label: `${plan.variant}: ${configs.length} configs in one ESLint process`,
        execute: async (lane) => {
          const inputDir = mkdtempSync(path.join(os.tmpdir(), 'leakguard-configs-'));
          try {
            const input = path.join(inputDir, 'configs.json');
            const configFiles = configs.map((snippet, index) => ({
              id: idOf(plan.variant, snippet),
              file: (snippet.target ?? 'eslint.config.mjs').replace(/\.config\.mjs$/, `.snippet-${index}.config.mjs`),
              code: snippet.code,
            }));
            writeFileSync(input, JSON.stringify({ configs: configFiles }));
            const result = await lane.runAsync(`node ${JSON.stringify(path.join(repoRoot, 'tests', 'package', 'lint-configs.cjs'))} ${JSON.stringify(input)}`, 120_000);
            timings.push({ label: `${plan.variant} ${configs.length} configs`, ms: result.ms });
            const parsed = result.status === 0 ? (JSON.parse(result.stdout) as Array<{ id: string } & ConfigOutcome>) : [];
            for (const config of configFiles) {
              const found = parsed.find((entry) => entry.id === config.id);
              const outcome: ConfigOutcome = found ?? { error: describeResult(result), results: [] };
              // Paths as the config saw them, relative to the project, whatever copy ran it.
              const results = outcome.results.map((entry) => ({ ...entry, filePath: path.relative(lane.dir, entry.filePath).split(path.sep).join('/') }));
              outcomes.set(config.id, { kind: 'config', config: { error: outcome.error, results } });
            }
          } finally {
            rmSync(inputDir, { recursive: true, force: true });
          }
        },
      });
    }
    for (const snippet of unique.filter((candidate) => candidate.kind !== 'config')) {
      jobs.push({
        variant: plan.variant,
        label: `${plan.variant} ${snippet.file}:${snippet.line}`,
        execute: async (lane) => {
          lane.reset();
          const run = async (command: string) => {
            const result = await lane.runAsync(command);
            timings.push({ label: `${plan.variant} ${snippet.file}:${snippet.line} ${command}`, ms: result.ms });
            return result;
          };
          if (snippet.kind === 'commands') {
            const staging = snippet.staged ? await run(`printf '\\n' >> ${LEAK_TS} && git add ${LEAK_TS}`) : undefined;
            const lines: LineOutcome[] = [];
            for (const command of commandLines(snippet.code)) {
              const result = await run(command);
              lines.push({ result, outputs: Object.fromEntries(outputFiles(command).map((file) => [file, readOutput(lane, file)])) });
            }
            outcomes.set(idOf(plan.variant, snippet), { kind: 'commands', staging, lines });
          } else {
            // The pre-commit config ignores dist/ (as eslint.config.mjs would): a staged file there must not fail the hook.
            lane.writeFile('dist/bundle.js', extraSources[LEAK_JS] ?? '');
            const runs: Array<{ leaky: CommandResult; ignored: CommandResult }> = [];
            for (const { command } of lintStagedCommands(snippet.code)) {
              // lint-staged runs the binary from node_modules/.bin (first on the PATH of every command
              // here) with the staged files appended.
              runs.push({ leaky: await run(`${command} ${LEAK_TS}`), ignored: await run(`${command} dist/bundle.js`) });
            }
            outcomes.set(idOf(plan.variant, snippet), { kind: 'lint-staged', runs });
          }
        },
      });
    }
  }

  beforeAll(async () => {
    try {
      packDir = mkdtempSync(path.join(os.tmpdir(), 'leakguard-pack-'));
      let started = Date.now();
      const { tarball } = packTarball(packDir);
      timings.push({ label: 'npm pack', ms: Date.now() - started });
      const baseline: Record<string, string> = { ...extraSources };
      for (const source of sources) baseline[source.target ?? ''] = source.code;
      for (const config of baselineConfigs) baseline[config.target ?? ''] = config.code;
      // Each variant's jobs start as soon as its own install (and the copy of it) is ready.
      started = Date.now();
      const ready = new Map<ScratchVariant, Promise<ScratchProject[]>>();
      for (const plan of plans) {
        const lanes = createScratchProject(plan.variant, tarball, baseline).then((first) => {
          timings.push({ label: `npm ci ${plan.variant}`, ms: first.installMs });
          const lanePair = [first, first.clone()];
          projects.set(plan.variant, lanePair);
          return lanePair;
        });
        void lanes.catch(() => undefined); // awaited below; this only keeps an unawaited failure from being "unhandled"
        ready.set(plan.variant, lanes);
      }
      // Two workers, each with its own copy of every variant's project.
      const queue = [...jobs];
      const worker = async (laneIndex: number) => {
        for (let job = queue.shift(); job; job = queue.shift()) {
          const lane = (await ready.get(job.variant))?.[laneIndex];
          if (!lane) throw new Error(`no lane ${laneIndex} for ${job.variant}`);
          await job.execute(lane);
        }
      };
      await Promise.all([worker(0), worker(1), ...ready.values()]);
      timings.push({ label: `installs and ${jobs.length} jobs on 2 lanes (wall)`, ms: Date.now() - started });
    } catch (error) {
      setupError = error instanceof Error ? error : new Error(String(error));
    }
  }, 420_000);

  afterAll(() => {
    for (const lanes of projects.values()) for (const lane of lanes) lane.remove();
    if (packDir) rmSync(packDir, { recursive: true, force: true });
    const sorted = [...timings].sort((a, b) => b.ms - a.ms);
    console.log(`docs snippets:\n${sorted.map((timing) => `  ${(timing.ms / 1000).toFixed(1)} s  ${timing.label}`).join('\n')}`);
  });

  const outcomeOf = (variant: ScratchVariant, snippet: Snippet): Outcome => {
    if (setupError) throw setupError;
    const outcome = outcomes.get(idOf(variant, snippet));
    if (!outcome) throw new Error(`${idOf(variant, snippet)} did not run`);
    return outcome;
  };

  it('every fenced block of README.md and docs/*.md is run, or says why not', () => {
    expect(problems).toEqual([]);
    expect(baselineConfigs.map((config) => config.target).sort()).toEqual(['eslint.config.mjs', 'eslint.pre-commit.config.mjs']);
    expect(sources.map((source) => source.target)).toContain(LEAK_TS);
  });

  for (const plan of planned) {
    describe(`in a user's project (${plan.variant})`, () => {
      it('npm ci installs the tarball without a warning about our package, and one copy of each @typescript-eslint package', () => {
        if (setupError) throw setupError;
        const project = projects.get(plan.variant)?.[0];
        if (!project) throw new Error(`no ${plan.variant} project`);
        const ours = [manifest.name, ...Object.keys(manifest.dependencies ?? {})];
        const warnings = project.installOutput.split('\n').filter((line) => /^npm warn/i.test(line));
        expect(warnings.filter((warning) => ours.some((name) => warning.includes(name)))).toEqual([]);
        const packages = installedPackages(path.join(project.dir, 'node_modules'));
        const typescriptEslint = packages.filter((found) => found.name.startsWith('@typescript-eslint/') || found.name === 'typescript-eslint');
        const copies = new Map<string, string[]>();
        for (const found of typescriptEslint) copies.set(found.name, [...(copies.get(found.name) ?? []), `${found.where}@${found.version}`]);
        expect([...copies.values()].filter((where) => where.length > 1)).toEqual([]);
        expect(new Set(typescriptEslint.map((found) => found.version)).size).toBe(1);
        expect(packages.filter((found) => found.name === 'typescript').map((found) => found.where)).toEqual(['typescript']);
        expect(packages.filter((found) => found.name === 'eslint').map((found) => found.version.split('.')[0])).toEqual([plan.variant === 'eslint9' ? '9' : '10']);
      });

      for (const { snippet, sameAs } of plan.entries) {
        const label = `${snippet.file}:${snippet.line} (${snippet.kind}${snippet.target ? ` ${snippet.target}` : ''})`;
        if (sameAs) {
          it.skip(`${label}: the same as ${sameAs.file}:${sameAs.line}`, () => undefined);
          continue;
        }
        it(label, () => {
          const outcome = outcomeOf(plan.variant, snippet);
          if (outcome.kind === 'config') expectConfigWorks(snippet, outcome.config);
          else if (outcome.kind === 'commands') expectCommandsWork(outcome);
          else expectLintStagedWorks(outcome.runs);
        });
      }
    });
  }
}

function expectConfigWorks(snippet: Snippet, outcome: ConfigOutcome): void {
  // The whole stack in the failure message: vitest's diff cuts the value short.
  expect(outcome.error, outcome.error ?? undefined).toBeNull();
  const byFile = new Map(outcome.results.map((result) => [result.filePath, result.messages]));
  const all = [...byFile.entries()].flatMap(([name, messages]) => messages.map((message) => ({ name, ...message })));
  // Fatal errors (parse errors, files outside the project service) and messages without a rule
  // (unused disable directives) mean the config does not work as written.
  expect(all.filter((message) => message.fatal || message.ruleId === null)).toEqual([]);
  const reports = (name: string) => (byFile.get(name) ?? []).filter((message) => message.ruleId === 'leakguard/require-close').length;
  const linted = [LEAK_TS, LEAK_JS].filter((name) => byFile.has(name));
  expect(linted, 'the config lints at least one sample').not.toEqual([]);
  for (const name of linted) expect(reports(name), `${name} is reported`).toBeGreaterThan(0);
  if (snippet.typed) expect(reports(TYPED_ONLY), `${TYPED_ONLY} is reported with types`).toBeGreaterThan(0);
  else expect(reports(TYPED_ONLY), `${TYPED_ONLY} is reported only with types`).toBe(0);
  for (const [name, messages] of byFile) {
    if (name.startsWith('src/') && ![LEAK_TS, LEAK_JS, TYPED_ONLY].includes(name)) {
      expect(messages.filter((message) => message.ruleId?.startsWith('leakguard/')), `${name} (silenced)`).toEqual([]);
    }
  }
}

function expectCommandsWork(outcome: Extract<Outcome, { kind: 'commands' }>): void {
  if (outcome.staging) expect(outcome.staging.status, describeResult(outcome.staging)).toBe(0);
  expect(outcome.lines).not.toEqual([]);
  for (const { result, outputs } of outcome.lines) {
    expectWorked(result, allowedStatuses(result.command));
    for (const [file, text] of Object.entries(outputs)) {
      expect(text, `${result.command} writes ${file}`).not.toBeNull();
      expectOutputFile(file, text ?? '');
    }
  }
}

function expectLintStagedWorks(runs: Array<{ leaky: CommandResult; ignored: CommandResult }>): void {
  expect(runs).not.toEqual([]);
  for (const { leaky, ignored } of runs) {
    expectWorked(leaky, [1]);
    expect(leaky.stdout, describeResult(leaky)).toContain('leakguard/require-close');
    expectWorked(ignored, [0]);
    expect(`${ignored.stdout}${ignored.stderr}`.trim(), describeResult(ignored)).toBe('');
  }
}

/** The report example of docs/cli.md (and any other) validates against docs/report-schema.json. */
export function reportSnippets(): Snippet[] {
  return userSnippets(repoRoot).snippets.filter((snippet) => snippet.kind === 'report');
}

export function validateReportSnippet(snippet: Snippet): string[] {
  return validate(JSON.parse(snippet.code) as unknown, reportSchema());
}
