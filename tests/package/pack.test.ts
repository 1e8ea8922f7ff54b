/**
 * What `npm publish` would ship, checked on the tarball `npm pack` makes from this checkout (built by
 * `npm test` first): the file list, publint and arethetypeswrong on the tarball, the metadata that
 * links the package to its repository, the links of the shipped Markdown, and the dependency ranges
 * that let a user's npm install one copy of typescript-eslint.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codemods } from '../../codemods/index';
import { rules } from '../../rules/index';
import { repoRoot } from '../typed-project';
import { extractSnippets, lintStagedCommands, userMarkdownFiles } from './markdown-snippets';
import { manifest as packedManifest, packTarball, readLockfile, staleLockEntry, type Lockfile, type ScratchVariant } from './scratch-project';

interface Manifest {
  name: string;
  license: string;
  main: string;
  types: string;
  homepage: string;
  repository: { type: string; url: string };
  bugs: { url: string };
  files: string[];
  bin: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const repositoryUrl = 'https://github.com/leakguard/eslint-plugin-leakguard';

let packDir: string | undefined;
let tarball = '';
let files: string[] = [];

beforeAll(() => {
  if (!existsSync(path.join(repoRoot, manifest.main))) throw new Error(`${manifest.main} is missing: \`npm test\` builds first; alone, run \`npm run build\``);
  packDir = mkdtempSync(path.join(os.tmpdir(), 'leakguard-pack-'));
  ({ tarball, files } = packTarball(packDir));
});

afterAll(() => {
  if (packDir) rmSync(packDir, { recursive: true, force: true });
});

describe('the npm pack file list', () => {
  it('holds the built plugin, CLI, formatter and codemods with their declarations', () => {
    const required = [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      manifest.main,
      manifest.types,
      'dist/src/cli/main.js',
      'dist/src/formatters/sarif.js',
      'dist/src/formatters/sarif.d.ts',
      ...codemods.flatMap((codemod) => [`dist/codemods/${codemod.name}.js`, `dist/codemods/${codemod.name}.d.ts`]),
      ...Object.keys(rules).map((rule) => `dist/rules/${rule}.js`),
    ].map((file) => file.replace(/^\.\//, ''));
    expect(required.filter((file) => !files.includes(file))).toEqual([]);
  });

  it('holds every doc: docs/*.md, each rule and codemod page, the report schema', () => {
    const required = [
      ...userMarkdownFiles(repoRoot).filter((file) => file.startsWith('docs/')),
      'docs/report-schema.json',
      ...Object.keys(rules).map((rule) => `docs/rules/${rule}.md`),
      ...codemods.map((codemod) => `docs/codemods/${codemod.name}.md`),
    ];
    expect(required.filter((file) => !files.includes(file))).toEqual([]);
  });

  it('holds no sources, tests, examples, benchmarks, scripts or repository configuration', () => {
    const unwanted = files.filter(
      (file) =>
        /^(src|rules|codemods|tests|examples|bench|scripts|coverage|\.ci|node_modules)\//.test(file) ||
        /^dist\/(tests|bench|scripts)\//.test(file) ||
        (/\.[cm]?tsx?$/.test(file) && !/\.d\.[cm]?ts$/.test(file)) ||
        /(^|\/)(tsconfig[^/]*\.json|eslint\.config\.mjs|vitest\.config\.mts|package-lock\.json|[^/]*\.tsbuildinfo|\.vitest-report\.json)$/.test(file),
    );
    expect(unwanted).toEqual([]);
  });

  it('holds every file package.json points at: main, types, bin and each export (wildcards match at least one file)', () => {
    const targets = [manifest.main, manifest.types, ...Object.values(manifest.bin)];
    for (const target of Object.values(manifest.exports)) targets.push(...(typeof target === 'string' ? [target] : Object.values(target)));
    const missing = targets
      .map((target) => target.replace(/^\.\//, ''))
      .filter((target) => {
        if (!target.includes('*')) return !files.includes(target);
        const pattern = new RegExp(`^${target.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}$`);
        return !files.some((file) => pattern.test(file));
      });
    expect(missing).toEqual([]);
  });
});

describe('publint on the tarball', () => {
  it('reports only the accepted warning: the codemods are CommonJS with __esModule and a default export', async () => {
    const { publint } = await import('publint');
    const data = readFileSync(tarball);
    const { messages } = await publint({
      pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) },
      level: 'suggestion',
    });
    // Accepted: jscodeshift `require()`s a transform and takes `module.exports.default ?? module.exports`,
    // which is what TypeScript's CommonJS output of `export default transform` gives it. The warning is
    // about ESM default imports of these files through some bundlers, which is not how a transform is loaded.
    const accepted = messages.filter(
      (message) =>
        message.code === 'CJS_WITH_ESMODULE_DEFAULT_EXPORT' &&
        message.type === 'warning' &&
        (message.path.join(' ') === 'exports ./codemods/* default' || message.path.join(' ') === 'exports ./dist/codemods/*'),
    );
    expect(messages.filter((message) => !accepted.includes(message))).toEqual([]);
  });
});

describe('arethetypeswrong on the tarball', () => {
  it('reports only the accepted problems', () => {
    const attw = path.join(repoRoot, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');
    const result = spawnSync(process.execPath, [attw, tarball, '--format', 'json'], { encoding: 'utf8', timeout: 60_000 });
    const report = JSON.parse(result.stdout) as { analysis: { problems: Array<Record<string, unknown>> } };
    const problems = report.analysis.problems.map((problem) => ({
      kind: problem.kind,
      entrypoint: problem.entrypoint,
      resolutionKind: problem.resolutionKind,
    }));
    expect(problems).toEqual([
      // Accepted: `import { configs } from 'eslint-plugin-leakguard'` type-checks in an ES module but
      // fails at run time (the plugin is `module.exports = plugin`, whose properties Node cannot detect
      // statically). Every doc uses the default import, as ESLint's own docs do for plugins.
      { kind: 'NamedExports', entrypoint: undefined, resolutionKind: undefined },
      // Accepted: TypeScript's `node10` resolution ignores `exports`, so it cannot find the
      // `eslint-plugin-leakguard/sarif` subpath; Node (>= 20.19, the engines floor) and the other
      // resolution modes do. ESLint loads the formatter by its file path anyway (docs/ci-gate.md).
      { kind: 'NoResolution', entrypoint: './sarif', resolutionKind: 'node10' },
    ]);
  });
});

describe('metadata', () => {
  it('repository, homepage and bugs name the GitHub repository', () => {
    expect(manifest.repository).toEqual({ type: 'git', url: `git+${repositoryUrl}.git` });
    expect(manifest.homepage).toBe(`${repositoryUrl}#readme`);
    expect(manifest.bugs).toEqual({ url: `${repositoryUrl}/issues` });
  });

  it("rule docs URLs and the SARIF log's informationUri point into the same repository", async () => {
    for (const [name, rule] of Object.entries(rules)) {
      expect(rule.meta.docs?.url).toBe(`${repositoryUrl}/blob/main/docs/rules/${name}.md`);
    }
    const { default: format } = (await import(path.join(repoRoot, 'dist', 'src', 'formatters', 'sarif.js'))) as {
      default: (results: unknown[], context: unknown) => string;
    };
    const log = JSON.parse(format([], { cwd: repoRoot, rulesMeta: {} })) as {
      runs: Array<{ tool: { extensions?: Array<{ name: string; informationUri?: string }> } }>;
    };
    const extension = log.runs[0]?.tool.extensions?.find((candidate) => candidate.name === manifest.name);
    expect(extension?.informationUri).toBe(repositoryUrl);
  });

  it('LICENSE is the MIT license package.json declares', () => {
    expect(manifest.license).toBe('MIT');
    expect(readFileSync(path.join(repoRoot, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
  });

  it('CHANGELOG.md compares versions in the same repository', () => {
    const links = [...readFileSync(path.join(repoRoot, 'CHANGELOG.md'), 'utf8').matchAll(/^\[[^\]]+\]: (\S+)$/gm)].map((match) => match[1] ?? '');
    expect(links).not.toEqual([]);
    for (const link of links) expect(link.startsWith(`${repositoryUrl}/`), link).toBe(true);
  });

  it('runs no script when installed: the build runs on prepack, not prepare', () => {
    const installScripts = ['preinstall', 'install', 'postinstall', 'prepare'].filter((script) => script in manifest.scripts);
    expect(installScripts).toEqual([]);
    expect(manifest.scripts.prepack).toBe('npm run build');
    for (const script of ['test', 'demo', 'lint']) expect(manifest.scripts[script], script).toMatch(/^npm run build && /);
  });
});

describe('links in the shipped Markdown', () => {
  // README.md and docs/*.md (this part of the docs is ours; docs/rules and docs/codemods are checked by
  // their own tests), and the CHANGELOG: every relative link must resolve inside the tarball, because
  // on npm that is all there is. Files kept out of it (examples/) are linked by their repository URL.
  const markdownFiles = [...userMarkdownFiles(repoRoot), 'CHANGELOG.md'];
  for (const file of markdownFiles) {
    it(`${file}: every relative link resolves to a packed file or folder`, () => {
      // Code blocks and code spans hold code, not links: `proto[serviceName](…)` is a call.
      const markdown = readFileSync(path.join(repoRoot, file), 'utf8')
        .replace(/^(\s*)(`{3,}|~{3,})[\s\S]*?^\1\2\s*$/gm, '')
        .replace(/`[^`\n]+`/g, '');
      const targets = [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '');
      const broken = targets
        .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#'))
        .filter((target) => {
          const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), target.replace(/#.*$/, '')));
          const folder = resolved.replace(/\/?$/, '/');
          return !files.includes(resolved) && !files.some((packed) => packed.startsWith(folder));
        });
      expect(broken).toEqual([]);
    });
  }
});

describe('one copy of typescript-eslint in a user install', () => {
  const typescriptEslintKeys = (lock: Lockfile) => Object.keys(lock.packages).filter((key) => /node_modules\/@typescript-eslint\/[^/]+$/.test(key));

  it('dependencies take @typescript-eslint/* with a caret from the version the development tree tests (one version, no nested copy)', () => {
    const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as Lockfile;
    const keys = typescriptEslintKeys(lock);
    expect(keys.filter((key) => key.split('node_modules/').length > 2)).toEqual([]);
    const versions = new Set(keys.map((key) => lock.packages[key]?.version));
    expect(versions.size).toBe(1);
    const [tested] = [...versions];
    const ranges = Object.entries(manifest.dependencies).filter(([name]) => name.startsWith('@typescript-eslint/'));
    expect(ranges).not.toEqual([]);
    for (const [name, range] of ranges) expect(range, name).toBe(`^${tested}`);
    expect(manifest.devDependencies['typescript-eslint']).toBe(tested);
  });

  for (const variant of ['eslint10', 'eslint9'] as ScratchVariant[]) {
    it(`tests/package/scratch/${variant}: one version of each @typescript-eslint package, and our entry matches package.json`, () => {
      const lock = readLockfile(variant);
      const keys = typescriptEslintKeys(lock);
      expect(keys.filter((key) => key.split('node_modules/').length > 2)).toEqual([]);
      expect(new Set(keys.map((key) => lock.packages[key]?.version)).size).toBe(1);
      expect(staleLockEntry(lock), 'run `node scripts/update-scratch-lockfiles.mjs`').toEqual([]);
    });
  }

  it("README's install command installs what the scratch projects declare", () => {
    const readme = extractSnippets('README.md', readFileSync(path.join(repoRoot, 'README.md'), 'utf8')).snippets;
    const install = readme.flatMap((snippet) => snippet.code.split('\n')).find((line) => line.startsWith('npm install') && line.includes(packedManifest.name));
    expect(install).toBeDefined();
    const specs = (install ?? '').replace('npm install --save-dev ', '').match(/\S+@"[^"]*"|\S+/g) ?? [];
    const names = specs.map((spec) => spec.replace(/(?<=.)@.*$/, ''));
    const scratch = JSON.parse(readFileSync(path.join(repoRoot, 'tests', 'package', 'scratch', 'eslint10', 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(Object.keys(scratch.devDependencies).filter((name) => name !== '@types/node').sort()).toEqual([...names].sort());
    // The peer range, as the README spells it.
    expect(manifest.peerDependencies.typescript).toBe('>=5.4.0 <6.1.0');
    expect(specs).toContain('typescript@">=5.4 <6.1"');
    expect(scratch.devDependencies.typescript).toBe('>=5.4 <6.1');
  });

  it("lint-staged's command line in the README and docs/pre-commit.md does not warn about ignored files", () => {
    for (const file of ['README.md', 'docs/pre-commit.md']) {
      const { snippets } = extractSnippets(file, readFileSync(path.join(repoRoot, file), 'utf8'));
      const commands = snippets.filter((snippet) => snippet.kind === 'lint-staged').flatMap((snippet) => lintStagedCommands(snippet.code));
      expect(commands, file).not.toEqual([]);
      for (const { command } of commands) expect(command, file).toContain('--no-warn-ignored');
    }
  });
});
