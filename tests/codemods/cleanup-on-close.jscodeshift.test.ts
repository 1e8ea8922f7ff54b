/**
 * The built `cleanup-on-close` transform (dist/codemods/cleanup-on-close.js) under plain
 * `jscodeshift -t`, as users run it without the leakguard CLI: files come out as the fixtures'
 * expected outputs, and refusals are reported through `api.report`. `npm test` builds dist/ first.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '..', '..');
const fixtures = path.join(__dirname, 'cleanup-on-close');
const transform = 'dist/codemods/cleanup-on-close.js';
const samples = ['effect-interval-and-listener.tsx', 'abort-signal-finally.ts', 'restart-clears-previous.js', 'refusal-library-method.ts'];

it('rewrites .tsx, .ts and .js files like runCodemod and reports what it refused', () => {
  if (!existsSync(path.join(repoRoot, transform))) throw new Error(`${transform} is missing: run \`npm run build\` first (npm test does)`);
  const dir = mkdtempSync(path.join(tmpdir(), 'leakguard-cleanup-jscodeshift-'));
  try {
    mkdirSync(path.join(dir, 'src'));
    const files = samples.map((sample) => {
      const extension = path.extname(sample);
      const target = path.join(dir, 'src', sample);
      copyFileSync(path.join(fixtures, `${path.basename(sample, extension)}.input${extension}`), target);
      return target;
    });
    const run = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js'), '-t', transform, path.join(dir, 'src'), '--extensions=ts,tsx,js', '--parser=ts', '--no-babel'],
      { cwd: repoRoot, encoding: 'utf8', timeout: 150_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
    );
    const output = `${run.stdout}\n${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
    expect(run.status, output).toBe(0);
    expect(output).toMatch(/\b0 errors\b/);
    samples.forEach((sample, index) => {
      const extension = path.extname(sample);
      const expected = readFileSync(path.join(fixtures, `${path.basename(sample, extension)}.output${extension}`), 'utf8');
      expect(readFileSync(files[index], 'utf8'), sample).toBe(expected);
    });
    expect(output).toContain(`${files[3]}:6:3: not fixed: the codemod cannot tell where this work ends: call \`bus.off('order', onOrder)\``);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);
