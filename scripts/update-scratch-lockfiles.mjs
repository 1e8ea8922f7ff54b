#!/usr/bin/env node
// Regenerates the scratch projects that tests/package/snippets*.test.ts install the packed package into:
// tests/package/scratch/eslint10 and tests/package/scratch/eslint9 (package.json + package-lock.json).
//
// Each one is made the way a user makes theirs: README.md's install command, run in an empty folder,
// with the freshly packed tarball (`./leakguard.tgz`) in place of `eslint-plugin-leakguard` and, for
// eslint9, `eslint@^9` in place of `eslint`; plus `@types/node@^20` (the snippets' sample code uses
// node:fs). So npm resolves our `dependencies` against the newest typescript-eslint exactly as it
// would for a user, and the committed lockfiles pin the result; the tests then `npm ci` from them.
// Fails when npm prints a warning that names our package or one of its dependencies.
//
//   node scripts/update-scratch-lockfiles.mjs      (needs the registry; run after changing `dependencies`)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scratchRoot = path.join(repoRoot, 'tests', 'package', 'scratch');
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

/** README.md's install command: the one fenced line that runs `npm install` with our package. */
function readmeInstallCommand() {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const lines = readme.split('\n').filter((line) => /^npm install\b/.test(line) && line.includes(manifest.name));
  if (lines.length !== 1) throw new Error(`README.md: expected one \`npm install … ${manifest.name}\` line, found ${lines.length}`);
  return lines[0].trim();
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

const variants = [
  { name: 'eslint10', eslintSpec: 'eslint' },
  { name: 'eslint9', eslintSpec: 'eslint@^9' },
];

const work = mkdtempSync(path.join(os.tmpdir(), 'leakguard-scratch-lock-'));
try {
  // prepack builds dist/ first.
  run('npm', ['pack', '--pack-destination', work, '--silent'], repoRoot);
  const tarball = readdirSync(work).find((file) => file.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');
  const installCommand = readmeInstallCommand();
  const ourDependencies = new Set([manifest.name, ...Object.keys(manifest.dependencies ?? {})]);
  const problems = [];

  for (const variant of variants) {
    const dir = path.join(work, variant.name);
    mkdirSync(dir);
    copyFileSync(path.join(work, tarball), path.join(dir, 'leakguard.tgz'));
    writeFileSync(
      path.join(dir, 'package.json'),
      `${JSON.stringify(
        {
          name: `leakguard-scratch-${variant.name}`,
          version: '0.0.0',
          private: true,
          description: `A user's project for tests/package/snippets.test.ts, made by scripts/update-scratch-lockfiles.mjs with README.md's install command${variant.name === 'eslint9' ? ' (ESLint 9)' : ''}.`,
          license: 'MIT',
          // migration.md runs the user's `npm test` after the codemods: here, a type-check of their output.
          scripts: { test: 'tsc --noEmit' },
        },
        null,
        2,
      )}\n`,
    );
    const command = installCommand
      .replace(` ${manifest.name} `, ' ./leakguard.tgz ')
      .replace(/^npm install --save-dev eslint /, `npm install --save-dev ${variant.eslintSpec} `);
    const result = run('bash', ['-c', `${command} @types/node@^20 --no-audit --no-fund`], dir);
    const warnings = `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => /^npm warn/i.test(line));
    for (const warning of warnings) {
      console.log(`${variant.name}: ${warning}`);
      if ([...ourDependencies].some((name) => warning.includes(name))) problems.push(`${variant.name}: ${warning}`);
    }
    const target = path.join(scratchRoot, variant.name);
    mkdirSync(target, { recursive: true });
    copyFileSync(path.join(dir, 'package.json'), path.join(target, 'package.json'));
    copyFileSync(path.join(dir, 'package-lock.json'), path.join(target, 'package-lock.json'));
    const lock = JSON.parse(readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
    const versions = Object.entries(lock.packages)
      .filter(([key]) => /node_modules\/(eslint|typescript|typescript-eslint|@typescript-eslint\/utils)$/.test(key))
      .map(([key, entry]) => `${key.replace(/^.*node_modules\//, '')}@${entry.version}`);
    console.log(`${variant.name}: ${command}\n  -> ${path.relative(repoRoot, target)}: ${versions.join(', ')}`);
  }
  if (problems.length > 0) {
    console.error(`npm warned about our package or its dependencies:\n${problems.join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
