/**
 * Meta-tests that hold the package together (after eslint-plugin-unicorn's test/package.js): a rule
 * or codemod only exists once it has its docs, its tests, its preset entry and its fixtures, and the
 * presets load in a real ESLint the way users load them. Option schemas are snapshotted: changing
 * one changes what users may write in their config, so it must be a deliberate `vitest -u`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codemods } from '../codemods/index';
import { rules } from '../rules/index';
import plugin from '../src/plugin';
import { createTypedProject, repoRoot, type TypedProject } from './typed-project';

interface Manifest {
  name: string;
  version: string;
  main: string;
  exports: Record<string, unknown>;
  bin: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const requireFromRepo = createRequire(path.join(repoRoot, 'package.json'));
const ruleEntries = Object.entries(rules);
const configEntries = Object.entries(plugin.configs);

/**
 * The rules both presets turn on, written out rather than read from the descriptors: a preset that
 * reports more is a deliberate (semver) change, so adding a rule to it means editing this list too.
 */
const recommendedRules = ['no-client-per-call', 'no-unbounded-cache', 'require-close'];

/** The rules only `recommended-type-checked` turns on: without types they report less precisely. */
const typeCheckedOnlyRules: string[] = [];

/**
 * Rules that arrived opt-in (in no preset) under the 0.x policy, and the preset each joins in a later
 * 0.x minor: both where untyped findings are as precise as typed ones (docs/accuracy.md), else the typed one.
 */
const optInPlan: Readonly<Record<string, 'both' | 'type-checked'>> = {
  'consume-response-body': 'both',
  'grpc-call-deadline': 'both',
  'grpc-require-keepalive': 'both',
  'no-leaked-interval': 'both',
  'no-leaked-listener': 'type-checked',
  'require-cleanup-on-disconnect': 'both',
  'respect-backpressure': 'both',
};
const optInRules = Object.keys(optInPlan);

function presetRules(configName: string): string[] {
  return configName === 'recommended-type-checked' ? [...recommendedRules, ...typeCheckedOnlyRules].sort() : recommendedRules;
}

describe('presets', () => {
  it('leave the opt-in rules out until a 0.x minor adds them', () => {
    for (const [configName, config] of configEntries) {
      for (const name of optInRules) expect(config.rules?.[`leakguard/${name}`], `${configName} / ${name}`).toBeUndefined();
    }
  });

  it('turn on exactly the release plan’s rules, as errors, in both presets', () => {
    for (const [configName, config] of configEntries) {
      expect(Object.keys(config.rules ?? {}).sort()).toEqual(presetRules(configName).map((name) => `leakguard/${name}`));
      expect(new Set(Object.values(config.rules ?? {}))).toEqual(new Set(['error']));
    }
  });
});

/** Module names of a folder of one-file-per-thing sources (rules/, codemods/), without the index. */
function modulesIn(folder: string): string[] {
  return readdirSync(path.join(repoRoot, folder))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && file !== 'index.ts')
    .map((file) => path.basename(file, '.ts'))
    .sort();
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' });
}

const isFile = (relative: string) => existsSync(path.join(repoRoot, relative)) && statSync(path.join(repoRoot, relative)).isFile();

// A leak both presets should see: the file handle stays open when JSON.parse throws.
const leakySnippet = [
  "import { open } from 'node:fs/promises';",
  '',
  'export async function loadConfig(path: string): Promise<unknown> {',
  '  const fh = await open(path);',
  "  const config: unknown = JSON.parse(await fh.readFile('utf8'));",
  '  await fh.close();',
  '  return config;',
  '}',
  '',
].join('\n');

const fatalMessages = (results: ESLint.LintResult[]) =>
  results.flatMap((result) => result.messages.filter((message) => message.fatal).map((message) => message.message));

describe('rules', () => {
  it('rules/index.ts exports every rule file of rules/, and nothing else', () => {
    expect(Object.keys(rules).sort()).toEqual(modulesIn('rules'));
  });

  for (const [name, rule] of ruleEntries) {
    describe(name, () => {
      it(`is documented in docs/rules/${name}.md`, () => {
        expect(isFile(`docs/rules/${name}.md`), `docs/rules/${name}.md is missing`).toBe(true);
      });

      it(`is tested by tests/rules/${name}.test.ts`, () => {
        expect(isFile(`tests/rules/${name}.test.ts`), `tests/rules/${name}.test.ts is missing`).toBe(true);
      });

      it('links its doc from meta.docs.url', () => {
        expect(rule.meta.docs?.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
      });

      it('is in both presets exactly when the release plan below says so', () => {
        for (const [configName, config] of configEntries) {
          expect(config.rules?.[`leakguard/${name}`] !== undefined).toBe(presetRules(configName).includes(name));
          expect(rule.meta.docs?.recommended === true).toBe(recommendedRules.includes(name));
        }
      });

      it('is in a preset, or says which preset it joins', () => {
        expect(presetRules('recommended-type-checked').includes(name) || optInPlan[name] !== undefined, `${name} is in no preset and in no plan`).toBe(true);
        expect(rule.meta.docs?.joinsPreset).toBe(optInPlan[name]);
      });

      it('has a deliberate option schema (snapshot)', () => {
        expect({ schema: rule.meta.schema, defaultOptions: rule.defaultOptions }).toMatchSnapshot();
      });
    });
  }
});

describe('codemods', () => {
  it('codemods/index.ts lists every transform file of codemods/, and nothing else', () => {
    expect(codemods.map((codemod) => codemod.name).sort()).toEqual(modulesIn('codemods'));
  });

  for (const codemod of codemods) {
    describe(codemod.name, () => {
      it('rewrites the findings of existing rules', () => {
        expect(codemod.fixes.length).toBeGreaterThan(0);
        for (const rule of codemod.fixes) expect(Object.keys(rules)).toContain(rule.name);
      });

      it(`is documented in docs/codemods/${codemod.name}.md`, () => {
        expect(isFile(`docs/codemods/${codemod.name}.md`), `docs/codemods/${codemod.name}.md is missing`).toBe(true);
      });

      it(`has input/output fixtures in tests/codemods/${codemod.name}/`, () => {
        const fixtures = filesUnder(path.join(repoRoot, 'tests', 'codemods', codemod.name));
        expect(
          fixtures.filter((file) => /\.input\.[cm]?[jt]sx?$/.test(file)),
          `no <case>.input.<ext> fixture under tests/codemods/${codemod.name}/`,
        ).not.toEqual([]);
      });

      // The README tells users to run `jscodeshift -t node_modules/eslint-plugin-leakguard/dist/codemods/<name>.js`;
      // jscodeshift takes the module's default export, or the module itself, as the transform.
      it(`ships dist/codemods/${codemod.name}.js as a transform plain jscodeshift can load`, () => {
        const transform = requireFromRepo(`./dist/codemods/${codemod.name}.js`) as { default?: unknown };
        expect(typeof (transform.default ?? transform)).toBe('function');
      });
    });
  }
});

describe('configs', () => {
  it('are the two documented presets', () => {
    expect(Object.keys(plugin.configs).sort()).toEqual(['recommended', 'recommended-type-checked']);
  });

  for (const [key, config] of configEntries) {
    it(`${key} is named leakguard/${key} (for --inspect-config and error messages) and enables rules`, () => {
      expect(config.name).toBe(`leakguard/${key}`);
      expect(Object.keys(config.rules ?? {})).not.toEqual([]);
    });

    it(`${key} enables only rules of this plugin`, () => {
      for (const ruleId of Object.keys(config.rules ?? {})) {
        expect(ruleId).toMatch(/^leakguard\//);
        expect(Object.keys(rules)).toContain(ruleId.slice('leakguard/'.length));
      }
    });
  }

  // The pre-commit preset must work without a TypeScript program: plain JS with ESLint's own parser,
  // and TS with typescript-eslint's parser but no project.
  it('recommended loads in a real ESLint and lints JavaScript without type information', async () => {
    const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
    const code = leakySnippet.replace(': Promise<unknown>', '').replace('(path: string)', '(path)').replace('config: unknown', 'config');
    const results = await eslint.lintText(code, { filePath: 'pre-commit/load-config.mjs' });
    expect(fatalMessages(results)).toEqual([]);
    const calculated = (await eslint.calculateConfigForFile('pre-commit/load-config.mjs')) as { rules: Record<string, unknown> };
    expect(calculated.rules).toHaveProperty('leakguard/require-close');
  });

  it('recommended loads in a real ESLint and lints TypeScript without type information', async () => {
    const eslint = new ESLint({
      cwd: repoRoot,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, plugin.configs.recommended],
    });
    const results = await eslint.lintText(leakySnippet, { filePath: 'pre-commit/load-config.ts' });
    expect(fatalMessages(results)).toEqual([]);
  });

  describe('recommended-type-checked with typescript-eslint projectService', () => {
    let project: TypedProject | undefined;
    beforeAll(() => {
      project = createTypedProject('package');
    });
    afterAll(() => project?.remove());

    it('loads in a real ESLint and lints with type information', async () => {
      if (!project) throw new Error('no project');
      const file = project.writeSource('load-config.ts', leakySnippet);
      const eslint = new ESLint({
        cwd: project.dir,
        overrideConfigFile: true,
        overrideConfig: [
          { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { tsconfigRootDir: project.dir } } },
          plugin.configs['recommended-type-checked'],
        ],
      });
      const results = await eslint.lintFiles([file]);
      expect(fatalMessages(results)).toEqual([]);
      const calculated = (await eslint.calculateConfigForFile(file)) as {
        rules: Record<string, unknown>;
        languageOptions: { parserOptions: { projectService?: unknown } };
      };
      expect(calculated.rules).toHaveProperty('leakguard/require-close');
      expect(calculated.languageOptions.parserOptions.projectService).toBe(true);
    });
  });
});

describe('plugin', () => {
  it("meta names the package and the 'leakguard' namespace", () => {
    expect(plugin.meta).toEqual({ name: manifest.name, version: manifest.version, namespace: 'leakguard' });
  });

  // `npm test` builds first, so this checks what `npm publish` ships, read the way Node resolves it.
  it("package.json's entry point is the built plugin, with the same meta and presets", () => {
    expect((manifest.exports['.'] as { default: string }).default).toBe(manifest.main);
    const built = requireFromRepo(manifest.name) as typeof plugin;
    expect(built.meta).toEqual(plugin.meta);
    expect(Object.keys(built.rules).sort()).toEqual(Object.keys(rules).sort());
    expect(Object.keys(built.configs).sort()).toEqual(Object.keys(plugin.configs).sort());
  });

  it("exposes the SARIF formatter as 'eslint-plugin-leakguard/sarif'", () => {
    const format = requireFromRepo(`${manifest.name}/sarif`) as (results: unknown[], context: unknown) => string;
    expect(typeof format).toBe('function');
  });

  it('ships the leakguard bin it declares', () => {
    expect(isFile(manifest.bin.leakguard ?? ''), `${manifest.bin.leakguard} is not built`).toBe(true);
  });
});
