#!/usr/bin/env node
// `npm run demo`: lint examples/leaky-service with the type-checked preset, then show (without
// writing anything) what the codemods would change. Findings are the point of the demo, so they do
// not fail it; a crash, a parse error, a missing build or a modified example does.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const exampleDir = path.join(repoRoot, 'examples', 'leaky-service');
const builtPlugin = path.join(repoRoot, 'dist', 'src', 'plugin.js');
const builtCli = path.join(repoRoot, 'dist', 'src', 'cli', 'main.js');

/** Problems that make the demo fail; reported together at the end so the reader sees every step. */
const problems = [];

function heading(text) {
  console.log(`\n=== ${text} ===\n`);
}

/** Content hash of every file of the example: the demo proves it is read-only by comparing. */
function fingerprint(dir) {
  const hash = createHash('sha256');
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else {
        hash.update(path.relative(dir, full)).update('\0').update(readFileSync(full)).update('\0');
      }
    }
  };
  walk(dir);
  return hash.digest('hex');
}

async function lintExample() {
  heading('ESLint: leakguard/recommended-type-checked over examples/leaky-service');
  if (!existsSync(builtPlugin)) {
    problems.push(`${path.relative(repoRoot, builtPlugin)} is missing: run \`npm run build\` first (\`npm run demo\` does).`);
    return;
  }
  const [{ ESLint }, { default: tseslint }, { default: leakguard }] = await Promise.all([
    import('eslint'),
    import('typescript-eslint'),
    import(builtPlugin),
  ]);

  const eslint = new ESLint({
    cwd: exampleDir,
    // The repository's own eslint.config.mjs ignores examples/: the demo brings its own config.
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: {
          parser: tseslint.parser,
          parserOptions: { projectService: true, tsconfigRootDir: exampleDir },
        },
      },
      leakguard.configs['recommended-type-checked'],
    ],
  });
  const results = await eslint.lintFiles(['src']);
  const formatter = await eslint.loadFormatter('stylish');
  const output = await formatter.format(results, { cwd: exampleDir, rulesMeta: eslint.getRulesMetaForResults(results) });
  console.log(output.trim() || 'No findings.');

  const fatal = results.flatMap((result) =>
    result.messages.filter((message) => message.fatal).map((message) => `${result.filePath}:${message.line}: ${message.message}`),
  );
  if (fatal.length > 0) problems.push(`ESLint could not analyse the example:\n  ${fatal.join('\n  ')}`);
  const findings = results.reduce((sum, result) => sum + result.messages.filter((message) => message.ruleId?.startsWith('leakguard/')).length, 0);
  if (findings === 0) {
    problems.push('leakguard reported nothing on examples/leaky-service, which leaks on purpose (see its README): the rules regressed.');
  }
}

function showCodemodDiff() {
  heading('leakguard fix examples/leaky-service --codemod all --dry --diff');
  if (!existsSync(builtCli)) {
    problems.push(
      `The leakguard CLI is not built: ${path.relative(repoRoot, builtCli)} is missing. ` +
        'It comes from src/cli/main.ts; run `npm run build` once it exists.',
    );
    return;
  }
  const cli = spawnSync(
    process.execPath,
    [builtCli, 'fix', path.relative(repoRoot, exampleDir), '--codemod', 'all', '--dry', '--diff'],
    { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  // Exit codes from src/cli/exit-codes.ts: 1 means "findings remain", which a dry run over a leaky
  // example always ends with; 2 and above are usage errors, refusals and crashes.
  if (cli.error) problems.push(`Could not run the leakguard CLI: ${cli.error.message}`);
  else if (cli.status !== 0 && cli.status !== 1) problems.push(`The leakguard CLI failed (exit ${cli.status ?? cli.signal}).`);
}

const before = fingerprint(exampleDir);
try {
  await lintExample();
} catch (error) {
  problems.push(`ESLint failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}
showCodemodDiff();
if (fingerprint(exampleDir) !== before) {
  problems.push('examples/leaky-service changed during the demo: it must only ever be read (restore it with `git checkout examples`).');
}

if (problems.length > 0) {
  console.error(`\nThe demo did not complete:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('\nDemo complete: nothing was written; the findings above are what leakguard reports and fixes.');
