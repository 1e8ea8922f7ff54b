import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codemodNames, collectCorpusFiles, lintSource, repoRoot, ruleNames, runCodemodOnSource, seededSample, type CorpusFile } from './corpus-runner.cjs';
import {
  buildProgram,
  collectPackages,
  compareTypeChecks,
  createWorkspace,
  formatTypedTotals,
  preparePackage,
  runTypedCorpus,
  type TypedFileResult,
  type TypedTotals,
} from './corpus-typed-runner.cjs';

/**
 * CI's slice of the typed corpus (`npm run corpus` runs all of it): a seeded sample of node_modules
 * files, each package copied to a temporary folder with a generated tsconfig (or its own), through
 * every rule with the `recommended-type-checked` preset and every codemod with the package's
 * program, every changed output type-checked against its input. Then the known leaks as one typed
 * package: every rule fires, every codemod rewrites, the outputs type-check, the CLI finds the
 * tsconfig, and typescript-eslint's own `project` program agrees with the shared one.
 */
/**
 * The draw shifts whenever node_modules changes (rxjs, then @opentelemetry/api joining it moved it;
 * the second left it without a single finding), so the seed alone cannot promise a sample that
 * reports anything. The draw gives breadth; the anchors below give the certainty.
 */
const TYPED_SAMPLE_SEED = 0x7e9ed213;
const TYPED_SAMPLE_SIZE = 60;
/**
 * Real package files the full typed run reports, typed by mongodb's own tsconfig (mongodb is pinned
 * by the lockfile): GridFS upload streams released only on success (require-close, rewritten by
 * try-finally-close) and a module-level map of the wire protocol (no-unbounded-cache, bounded-cache).
 */
const TYPED_ANCHORS = ['mongodb/src/gridfs/upload.ts', 'mongodb/src/cmap/commands.ts'];
const SAMPLE_SIZE_CAP = 256 * 1024;

const testsRoot = path.join(__dirname, '..');
const temporaryRoots: string[] = [];
afterAll(() => {
  for (const root of temporaryRoots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function temporaryRoot(prefix: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), `leakguard-${prefix}-`));
  temporaryRoots.push(root);
  return root;
}

/** Writes `sources` as package `name` under `root` and returns its files as corpus files. */
function writePackage(root: string, name: string, sources: Readonly<Record<string, string>>, packageJson: object = {}): CorpusFile[] {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name, version: '0.0.0', private: true, ...packageJson }, null, 2)}\n`);
  return Object.entries(sources).map(([file, text]) => {
    const absolutePath = path.join(dir, file);
    mkdirSync(path.dirname(absolutePath), { recursive: true });
    writeFileSync(absolutePath, text);
    return { path: `${name}/${file}`, absolutePath, extension: path.extname(file), size: Buffer.byteLength(text) };
  });
}

function problems(totals: TypedTotals, kind: 'crashes' | 'typedOnlyParseFailures' | 'unparsableOutputs' | 'rejectedRewrites' | 'nonIdempotentOutputs'): string {
  return totals[kind].map((entry) => `${entry.file} ${entry.rule ?? entry.codemod ?? ''}: ${entry.error.split('\n').slice(0, 6).join('\n')}`).join('\n\n');
}

/**
 * Type-check regressions that are known and pinned in "defects the full corpus run found" below:
 * allowed where the known leaks meet them, and required to still happen, so that this list shrinks
 * when they are fixed (like `it.fails`).
 */
const KNOWN_TYPE_CHECK_REGRESSIONS: ReadonlyMap<string, string> = new Map();

function regressions(totals: TypedTotals, known: ReadonlyMap<string, string> = new Map()): string {
  return [
    ...totals.typeCheck.regressions.filter((entry) => !known.has(`${entry.file} ${entry.codemod}`)).map((entry) => `${entry.file} ${entry.codemod}: ${entry.before} → ${entry.after} errors\n  ${entry.newDiagnostics.join('\n  ')}`),
    ...totals.typeCheck.errors.map((entry) => `${entry.file} ${entry.codemod}: comparison failed: ${entry.error.split('\n')[0]}`),
  ].join('\n\n');
}

function expectNoBreakage(totals: TypedTotals, knownRegressions?: ReadonlyMap<string, string>): void {
  expect(problems(totals, 'crashes')).toBe('');
  expect(problems(totals, 'typedOnlyParseFailures')).toBe('');
  expect(problems(totals, 'unparsableOutputs')).toBe('');
  expect(problems(totals, 'rejectedRewrites')).toBe('');
  expect(problems(totals, 'nonIdempotentOutputs')).toBe('');
  expect(regressions(totals, knownRegressions)).toBe('');
}

describe('the seeded node_modules sample, typed', () => {
  const { files } = collectCorpusFiles({ sizeCap: SAMPLE_SIZE_CAP });
  const anchors = files.filter((file) => TYPED_ANCHORS.includes(file.path));
  const sample = [...seededSample(files.filter((file) => !TYPED_ANCHORS.includes(file.path)), TYPED_SAMPLE_SIZE, TYPED_SAMPLE_SEED), ...anchors];
  let totals: TypedTotals;

  it(`runs ${TYPED_SAMPLE_SIZE} sampled files and ${TYPED_ANCHORS.length} anchors typed, one program per package`, () => {
    expect(anchors.map((file) => file.path).sort()).toEqual([...TYPED_ANCHORS].sort());
    expect(sample).toHaveLength(TYPED_SAMPLE_SIZE + TYPED_ANCHORS.length);
    const started = performance.now();
    totals = runTypedCorpus(sample, { compareUntyped: true });
    console.log(
      `typed corpus sample (seed ${TYPED_SAMPLE_SEED.toString(16)}, ${TYPED_SAMPLE_SIZE} of ${files.length} files ≤ ${SAMPLE_SIZE_CAP} bytes) in ${((performance.now() - started) / 1000).toFixed(1)} s\n${formatTypedTotals(totals)}`,
    );
    expect(totals.files + totals.untypedFiles.length).toBe(sample.length);
  }, 300_000);

  it('types every file: with a generated tsconfig, or the package’s own where it ships a usable one', () => {
    expect(totals.untypedFiles).toEqual([]);
    // Which packages the seeded draw reaches depends on what node_modules holds (it shifted with rxjs,
    // dataloader, puppeteer-core, ethers, axios and ldapjs joining it), so no list is pinned: each package
    // typed with its own tsconfig must ship one at its root, and one that was not used says why.
    for (const entry of totals.packagesWithOwnTsconfig) {
      expect(readdirSync(path.join(repoRoot, 'node_modules', entry.package)), entry.package).toContain('tsconfig.json');
    }
    for (const refused of totals.ownTsconfigsRefused) expect(refused.reason, refused.package).not.toBe('');
  });

  it('crashes no rule and no codemod; outputs parse, are fixed points and type-check no worse than their inputs', () => {
    expectNoBreakage(totals);
  });

  it('parses almost every sampled file with its program', () => {
    expect(totals.lintParseFailures.length).toBeLessThan(TYPED_SAMPLE_SIZE / 20);
    expect(totals.codemodParseFailures.length).toBeLessThan(TYPED_SAMPLE_SIZE / 20);
  });

  // Which rules a random 60 of ~10 000 files set off is luck (every package added to node_modules moves
  // the draw); the anchors report and rewrite with types whatever the draw, and what was rewritten is
  // type-checked; the known leaks below check every rule and every codemod, typed, on purpose.
  it('reports typed findings, rewrites typed and type-checks what it rewrote', () => {
    expect(Object.keys(totals.findingsPerRule).sort()).toEqual([...ruleNames]);
    expect(Object.values(totals.findingsPerRule).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
    expect(Object.values(totals.perCodemod).some((codemod) => codemod.filesChanged > 0)).toBe(true);
    expect(totals.typeCheck.compared).toBeGreaterThan(0);
  });
});

// A leak only the checker can see: `readerFor` is the user's own helper, not an import we know, and
// its name says nothing of opening (untyped mode judges `open…`/`create…` calls the function releases).
// The factory lives in another module: untyped, a function of the same file is followed, an import is not.
const typedOnlyFactory = `import { open } from 'node:fs/promises';

export function readerFor(path: string) {
  return open(path, 'r');
}
`;

const typedOnlyLeak = `import { readerFor } from './typed-only-factory.js';

export async function firstByte(path: string): Promise<number> {
  const handle = await readerFor(path);
  const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, 0);
  await handle.close();
  return buffer[0] ?? -1;
}
`;

/** The rule tests' real-world leaks, one fixture of each other codemod, and the typed-only leak, as one package. */
function knownLeakSources(): Record<string, string> {
  const realWorld = path.join(testsRoot, 'rules', 'real-world');
  const sources: Record<string, string> = { 'typed-only.ts': typedOnlyLeak, 'typed-only-factory.ts': typedOnlyFactory };
  for (const file of readdirSync(realWorld).filter((name) => name.includes('.before.')).sort()) sources[file] = readFileSync(path.join(realWorld, file), 'utf8');
  for (const codemod of ['singleton-client', 'bounded-cache']) {
    sources[`${codemod}.commonjs-require.cjs`] = readFileSync(path.join(testsRoot, 'codemods', codemod, 'commonjs-require.input.cjs'), 'utf8');
  }
  return sources;
}

describe('the known leaks as a typed package', () => {
  const root = temporaryRoot('known-leaks');
  const files = writePackage(root, 'leakguard-known-leaks', knownLeakSources());
  const results = new Map<string, TypedFileResult>();
  let totals: TypedTotals;

  it('runs them typed and untyped', () => {
    totals = runTypedCorpus(files, { root, compareUntyped: true, onFile: (file, result) => results.set(file.path, result) });
    console.log(`known leaks, typed:\n${formatTypedTotals(totals)}`);
    expect(totals.files).toBe(files.length);
    expect(totals.untypedFiles).toEqual([]);
  }, 120_000);

  it('has every rule report and every codemod rewrite with types, with outputs that type-check no worse', () => {
    expectNoBreakage(totals, KNOWN_TYPE_CHECK_REGRESSIONS);
    expect(totals.typeCheck.regressions.map((entry) => `${entry.file} ${entry.codemod}`).sort()).toEqual([...KNOWN_TYPE_CHECK_REGRESSIONS.keys()].sort());
    for (const rule of ruleNames) expect(totals.findingsPerRule[rule], rule).toBeGreaterThan(0);
    for (const codemod of codemodNames) expect(totals.perCodemod[codemod].filesChanged, codemod).toBeGreaterThan(0);
    // TypeScript outputs, compared with TypeScript's own errors: the comparison ran, not just counted zero.
    expect(totals.typeCheck.compared).toBeGreaterThanOrEqual(totals.changedFiles.length);
  });

  it('finds through the checker what the untyped run cannot see', () => {
    const typedOnly = results.get('leakguard-known-leaks/typed-only.ts')!;
    expect(typedOnly.lint.findings).toEqual({ 'require-close': 1 });
    expect(typedOnly.untyped?.lint.findings).toEqual({});
    expect(typedOnly.codemods.find((codemod) => codemod.codemod === 'try-finally-close')?.output).toContain('} finally {\n    await handle.close();\n  }');
  });

  describe('in a copy with its generated tsconfig.json', () => {
    const workspace = createWorkspace();
    temporaryRoots.push(workspace.dir);
    const [pkg] = collectPackages(files, root).packages;
    const prepared = preparePackage(workspace, pkg);
    const [project] = prepared.projects;

    it('is one generated project named tsconfig.json, so tools find it as the nearest tsconfig', () => {
      expect(prepared.projects.map((entry) => [entry.kind, path.basename(entry.tsconfigPath)])).toEqual([['generated', 'tsconfig.json']]);
    });

    it("lints to the same findings with typescript-eslint's own program (`parserOptions.project`)", () => {
      const program = buildProgram(project);
      for (const file of project.files) {
        const copyPath = prepared.copyPathOf(file);
        const source = readFileSync(copyPath, 'utf8');
        const shared = lintSource(source, { extension: file.extension, virtualPath: copyPath, program });
        const ownProgram = lintSource(source, { extension: file.extension, virtualPath: copyPath, tsconfigPath: project.tsconfigPath });
        expect([file.path, ownProgram.parseError, ownProgram.crashes, ownProgram.findings]).toEqual([file.path, undefined, [], shared.findings]);
      }
    }, 120_000);

    it('is fixed typed by the leakguard CLI, which finds the tsconfig by itself', () => {
      const report = path.join(workspace.dir, 'report.json');
      const cli = spawnSync(
        process.execPath,
        [path.join(repoRoot, 'dist', 'src', 'cli', 'main.js'), 'fix', prepared.copyRoot, '--codemod', 'all', '--dry', '--workers', '1', '--no-install-hint', '--quiet', '--report', report],
        { encoding: 'utf8', timeout: 120_000 },
      );
      // 1: findings remain (a dry run writes nothing); 4 would be a failed file.
      // --quiet: a slow machine takes over 10 s and would print a progress line; stderr must hold no warning.
      expect([cli.status, cli.stderr]).toEqual([1, '']);
      const files = (JSON.parse(readFileSync(report, 'utf8')) as { files: { path: string; typed: boolean; changed: boolean; failure?: unknown; findings: { ruleId: string }[] }[] }).files;
      const byName = (a: unknown[], b: unknown[]) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0);
      expect(files.map((file) => [path.basename(file.path), file.typed, file.failure]).sort(byName)).toEqual(
        project.files.map((file) => [path.basename(file.absolutePath), true, undefined]).sort(byName),
      );
      const typedOnly = files.find((file) => file.path.endsWith('typed-only.ts'))!;
      expect([typedOnly.changed, typedOnly.findings.map((finding) => finding.ruleId)]).toEqual([true, ['require-close']]);
    }, 120_000);
  });
});

describe('the type-check comparison', () => {
  it('counts a changed output with a new error as a regression and names the error', () => {
    const root = temporaryRoot('type-check');
    const [file] = writePackage(root, 'comparison', { 'sum.ts': 'export function sum(a: number, b: number): number {\n  return a + b;\n}\n' });
    const workspace = createWorkspace();
    temporaryRoots.push(workspace.dir);
    const prepared = preparePackage(workspace, collectPackages([file], root).packages[0]);
    const program = buildProgram(prepared.projects[0]);
    const copyPath = prepared.copyPathOf(file);
    const output = `${readFileSync(copyPath, 'utf8')}export const total: string = sum(1, 2);\n`;
    const [comparison] = compareTypeChecks({ codemods: [{ codemod: 'bounded-cache', changed: true, unparsable: undefined, output }] }, copyPath, { before: new Map(), program: () => program });
    expect(comparison).toEqual({ codemod: 'bounded-cache', before: 0, after: 1, newDiagnostics: ["TS2322: Type 'number' is not assignable to type 'string'."] });
  }, 60_000);
});

/**
 * What the full run (`npm run corpus`) found in src/, minimised. `it.fails` until fixed: when one of
 * these starts passing, turn it into `it` and strike it from docs/corpus.md.
 */
describe('defects the full corpus run found', () => {
  function typedResults(sources: Readonly<Record<string, string>>, packageFiles: Readonly<Record<string, string>> = {}): Map<string, TypedFileResult> {
    const root = temporaryRoot('defect');
    const files = writePackage(root, 'defect', sources);
    for (const [file, text] of Object.entries(packageFiles)) {
      mkdirSync(path.dirname(path.join(root, 'defect', file)), { recursive: true });
      writeFileSync(path.join(root, 'defect', file), text);
    }
    const results = new Map<string, TypedFileResult>();
    runTypedCorpus(files, { root, onFile: (file, result) => results.set(path.basename(file.path), result) });
    return results;
  }

  // @babel/core/lib/vendor/import-meta-resolve.js, vitest/dist/chunks/index.*.js: `const { LRUCache } = require(…)` twice, a SyntaxError in Node.
  it('bounded-cache adds one lru-cache import for two caches in one file', () => {
    const source = "'use strict';\nconst cache = new Map();\nconst seen = new Set();\nfunction remember(key, value) {\n  cache.set(key, value);\n  seen.add(key);\n}\nmodule.exports = { remember };\n";
    const check = runCodemodOnSource('bounded-cache', source, { extension: '.cjs', virtualPath: '/corpus/two-caches.cjs' });
    expect([check.fixed, check.unparsable]).toEqual([2, undefined]);
    expect(check.output!.match(/require\('lru-cache'\)/g)).toHaveLength(1);
  });

  // eslint/lib/config/config-loader.js, eslint/lib/linter/esquery.js: program-with-source handed TypeScript the redirect
  // it made for the second copy of a package (same name and version, two folders); fixed, kept as a regression test.
  it('rewrites typed in a program that holds one package installed twice', () => {
    const dependency = (name: string): Record<string, string> => ({
      [`node_modules/${name}/package.json`]: JSON.stringify({ name, version: '1.0.0', types: 'index.d.ts' }),
      [`node_modules/${name}/index.d.ts`]: `export { Dup as ${name} } from 'dup';\n`,
      [`node_modules/${name}/node_modules/dup/package.json`]: JSON.stringify({ name: 'dup', version: '1.0.0', types: 'index.d.ts' }),
      [`node_modules/${name}/node_modules/dup/index.d.ts`]: 'export declare class Dup {\n  x: number;\n}\n',
    });
    const results = typedResults(
      {
        'remember.ts': "import { a } from 'a';\nimport { b } from 'b';\nexport const both: [a, b] = [new a(), new b()];\nconst seen = new Map<string, number>();\nexport function remember(key: string): void {\n  seen.set(key, Date.now());\n}\n",
      },
      { ...dependency('a'), ...dependency('b') },
    );
    const boundedCache = results.get('remember.ts')!.codemods.find((codemod) => codemod.codemod === 'bounded-cache')!;
    expect([boundedCache.parseError, boundedCache.changed]).toEqual([undefined, true]);
  });

  // @babel/parser/lib/index.js, @vitest/mocker/dist/chunk-automock.js, @typescript-eslint/type-utils/…: `new Map()` is a
  // Map<any, any> in JavaScript, `new LRUCache({ max })` an LRUCache<{}, {}>: every use of a value becomes an error.
  it('bounded-cache keeps the values of a JavaScript Map as loosely typed as they were', () => {
    const results = typedResults({
      'hits.cjs': "const cache = new Map();\nfunction hits(key) {\n  let entry = cache.get(key);\n  if (!entry) {\n    entry = { hits: 0 };\n    cache.set(key, entry);\n  }\n  entry.hits++;\n  return entry.hits;\n}\nmodule.exports = { hits };\n",
    });
    expect(results.get('hits.cjs')!.typeChecks.map((comparison) => [comparison.codemod, comparison.newDiagnostics])).toEqual([['bounded-cache', []]]);
  });

  // vitest/dist/chunks/index.*.js: the require lands between a declaration and its JSDoc `@type`, which then types the import.
  it('bounded-cache leaves the JSDoc of the first statement on its declaration', () => {
    const results = typedResults({ 'seen.cjs': '/** @type {Set<string>} */\nconst seen = new Set();\nfunction see(id) {\n  seen.add(id);\n}\nmodule.exports = { see };\n' });
    const output = results.get('seen.cjs')!.codemods.find((codemod) => codemod.codemod === 'bounded-cache')!.output!;
    expect(output).not.toMatch(/\/\*\* @type \{Set<string>\} \*\/\nconst \{ LRUCache \}/);
    // The `@type` follows the declaration to its new type rather than staying a stale `Set<string>`.
    expect(output).toContain('/** @type {LRUCache<string, true>} */\nconst seen = new LRUCache({ max: 1000 });');
    expect(results.get('seen.cjs')!.typeChecks.map((comparison) => [comparison.codemod, comparison.newDiagnostics])).toEqual([['bounded-cache', []]]);
  });
});
