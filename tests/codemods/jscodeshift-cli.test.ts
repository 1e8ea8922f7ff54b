/**
 * The built transform (dist/codemods/*.js) under plain `jscodeshift -t`, as users run it without
 * the leakguard CLI: the file comes out as the fixture's expected output, refusals are reported
 * through `api.report`, and an untouched file is not rewritten. `npm test` builds dist/ first.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureProject } from './support/typescript-project';

const repoRoot = path.resolve(__dirname, '..', '..');
const jscodeshiftBin = path.join(repoRoot, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
const fixtures = path.join(__dirname, 'try-finally-close');
const transform = 'dist/codemods/try-finally-close.js';

/** A fixture copied under its plain name (`<name>.<ext>`), with what jscodeshift must leave in it. */
interface Sample {
  readonly fixture: string;
  readonly extension: string;
  readonly expected: 'output' | 'input';
}

function copySample(project: FixtureProject, folder: string, sample: Sample): string {
  const target = path.join(project.dir, folder, `${sample.fixture}.${sample.extension}`);
  project.write(path.relative(project.dir, target), '');
  copyFileSync(path.join(fixtures, `${sample.fixture}.input.${sample.extension}`), target);
  return target;
}

function expectedText(sample: Sample): string {
  return readFileSync(path.join(fixtures, `${sample.fixture}.${sample.expected}.${sample.extension}`), 'utf8');
}

function runJscodeshift(args: readonly string[]) {
  // CI=true makes jscodeshift colour its summary ("\x1b[31m0 errors"): ask for plain text, and strip what still comes.
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  const run = spawnSync(process.execPath, [jscodeshiftBin, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 150_000, env });
  if (run.error) throw run.error;
  const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, ''); // ANSI colour sequences
  return { status: run.status, output: plain(`${run.stdout}\n${run.stderr}`) };
}

describe('the built try-finally-close transform under plain jscodeshift', () => {
  let project: FixtureProject;
  beforeAll(() => {
    if (!existsSync(path.join(repoRoot, transform))) {
      throw new Error(`${transform} is missing: run \`npm run build\` first (npm test does)`);
    }
    project = new FixtureProject('jscodeshift');
  });
  afterAll(() => project?.remove());

  it(
    'rewrites .ts, .tsx and .js files like runCodemod, reports what it refused, and leaves clean files alone',
    () => {
      const samples: Sample[] = [
        { fixture: 'closed-only-on-success', extension: 'ts', expected: 'output' },
        // The transform parses the file itself, so `--parser=ts` does not break on JSX.
        { fixture: 'component-with-handle', extension: 'tsx', expected: 'output' },
        { fixture: 'esm-double-quotes-no-semicolons', extension: 'js', expected: 'output' },
        { fixture: 'refusal-discarded-write-stream', extension: 'ts', expected: 'output' },
        { fixture: 'left-alone-handed-over-object-closed-in-finally', extension: 'ts', expected: 'input' },
      ];
      const files = samples.map((sample) => copySample(project, 'untyped', sample));
      // Exactly what a user types (jscodeshift transpiles the transform with Babel by default).
      const run = runJscodeshift(['-t', transform, path.join(project.dir, 'untyped'), '--extensions=ts,tsx,js', '--parser=ts']);
      expect(run.status, run.output).toBe(0);
      expect(run.output).toMatch(/\b0 errors\b/);
      samples.forEach((sample, index) => {
        expect(readFileSync(files[index], 'utf8'), `${sample.fixture}.${sample.extension}`).toBe(expectedText(sample));
      });
      expect(run.output).toContain(
        `${files[3]}:5:3: not fixed: the handle is not kept in a variable, so there is nothing to close in a \`finally\`; assign it to a \`const\` first`,
      );
    },
    180_000,
  );

  it(
    'is typed when a tsconfig.json covers the files, and passes --style=using through',
    () => {
      const sample: Sample = { fixture: 'style-using-file-handle', extension: 'ts', expected: 'output' };
      const file = copySample(project, 'typed', sample);
      project.writeTsconfig(['typed/**/*.ts']);
      // --no-babel: the transform is compiled CommonJS already; Babel would only make this slower.
      const run = runJscodeshift(['-t', transform, path.join(project.dir, 'typed'), '--extensions=ts', '--parser=ts', '--no-babel', '--style=using']);
      expect(run.status, run.output).toBe(0);
      expect(run.output).toMatch(/\b0 errors\b/);
      expect(readFileSync(file, 'utf8')).toBe(expectedText(sample));
    },
    180_000,
  );
});
