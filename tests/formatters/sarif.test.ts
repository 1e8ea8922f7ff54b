/**
 * The SARIF formatter, loaded the way `eslint -f ./node_modules/eslint-plugin-leakguard/dist/src/formatters/sarif.js`
 * loads it (ESLint's loadFormatter with a path to the built file), over a real typed lint run, and
 * its output validated against the SARIF 2.1.0 schema (tests/formatters/fixtures/README.md says
 * where the schema comes from).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { ESLint, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import plugin from '../../src/plugin';
import { createTypedProject, repoRoot, type TypedProject } from '../typed-project';

const builtFormatter = path.join(repoRoot, 'dist', 'src', 'formatters', 'sarif.js');
const schema = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;

// The schema is draft-04 (`id`, not `$id`): ajv 6 (ESLint's own validator) validates it once given the draft-04 meta-schema, which it ships.
const ajv = new Ajv({ schemaId: 'auto', allErrors: true, format: 'full' });
ajv.addMetaSchema(JSON.parse(readFileSync(require.resolve('ajv/lib/refs/json-schema-draft-04.json'), 'utf8')) as object);
const validateSarif = ajv.compile(schema);

function schemaErrors(log: unknown): string[] {
  return validateSarif(log) ? [] : (validateSarif.errors ?? []).map((error) => `${error.dataPath} ${error.message ?? ''}`);
}

interface Region {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}
interface Location {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: Region };
}
interface Result {
  ruleId?: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: Location[];
  suppressions?: Array<{ kind: string; justification?: string }>;
}
interface Run {
  tool: {
    driver: { name: string; version?: string; informationUri: string; rules: Array<{ id: string; shortDescription?: { text: string }; helpUri?: string }> };
    extensions: Array<{ name: string; version: string; informationUri: string }>;
  };
  originalUriBaseIds: Record<string, { uri: string }>;
  invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ level: string; message: { text: string }; locations: Location[] }> }>;
  results: Result[];
}
interface Log {
  version: string;
  runs: Run[];
}

// The handle stays open when JSON.parse throws: leakguard/require-close reports it.
const leaky = [
  "import { open } from 'node:fs/promises';",
  '',
  'export async function loadConfig(path: string): Promise<unknown> {',
  '  const fh = await open(path);',
  "  const config: unknown = JSON.parse(await fh.readFile('utf8'));",
  '  await fh.close();',
  '  let unchanged = 1; // TODO: the local rule below reports this line',
  '  return [config, unchanged];',
  '}',
  '',
].join('\n');

const suppressed = [
  "import { openSync } from 'node:fs';",
  '',
  'export function lockFile(path: string): number {',
  '  // eslint-disable-next-line leakguard/require-close -- the lock is held until the process exits',
  "  const fd = openSync(path, 'wx');",
  '  return 0;',
  '}',
  '',
].join('\n');

// A rule with no docs at all: its descriptor must still be valid, just without a description or helpUri.
const noTodo: Rule.RuleModule = {
  meta: { type: 'suggestion', schema: [] },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          if (comment.value.includes('TODO')) context.report({ loc: comment.loc ?? { line: 1, column: 0 }, message: 'Unfinished work.' });
        }
      },
    };
  },
};

describe('SARIF formatter', () => {
  let project: TypedProject;
  let files: { leaky: string; suppressed: string; broken: string };
  let messages: ESLint.LintResult[];
  let log: Log;
  let run: Run;

  beforeAll(async () => {
    project = createTypedProject('sarif');
    mkdirSync(path.join(project.dir, 'sources', 'with space'));
    files = {
      leaky: project.writeSource('with space/load-config.ts', leaky),
      suppressed: project.writeSource('lock-file.ts', suppressed),
      broken: project.writeSource('broken.ts', 'export const = ;\n'),
    };
    const eslint = new ESLint({
      cwd: project.dir,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { tsconfigRootDir: project.dir } } },
        plugin.configs['recommended-type-checked'],
        {
          files: ['**/*.ts'],
          plugins: { local: { rules: { 'no-todo': noTodo } } },
          rules: { 'prefer-const': 'warn', 'local/no-todo': 'warn' },
        },
      ],
    });
    messages = await eslint.lintFiles([files.leaky, files.suppressed, files.broken]);
    // What the CLI does with `-f <path>`: load the module by path and call it with cwd and rulesMeta.
    const formatter = await eslint.loadFormatter(builtFormatter);
    log = JSON.parse(await formatter.format(messages)) as Log;
    const [firstRun] = log.runs;
    if (!firstRun) throw new Error('the log has no run');
    run = firstRun;
  });

  afterAll(() => project.remove());

  it('writes a log that the SARIF 2.1.0 schema accepts', () => {
    expect(log.version).toBe('2.1.0');
    expect(schemaErrors(log)).toEqual([]);
  });

  it('is checked by a validator that does reject invalid SARIF', () => {
    const withoutMessage = structuredClone(log);
    delete (withoutMessage.runs[0]?.results[0] as Partial<Result>).message;
    expect(schemaErrors(withoutMessage).join('\n')).toMatch(/message/);
    const lineZero = structuredClone(log);
    const region = lineZero.runs[0]?.results[0]?.locations[0]?.physicalLocation.region;
    if (region) region.startLine = 0;
    expect(schemaErrors(lineZero).join('\n')).toMatch(/startLine/);
    expect(schemaErrors({ ...log, version: '2.0.0' })).not.toEqual([]);
  });

  it('names ESLint as the driver, with its version, and leakguard as an extension', () => {
    expect(run.tool.driver).toMatchObject({ name: 'ESLint', version: ESLint.version, informationUri: 'https://eslint.org' });
    expect(run.tool.extensions).toEqual([
      { name: 'eslint-plugin-leakguard', version: plugin.meta.version, informationUri: expect.stringMatching(/^https:\/\//) as unknown },
    ]);
  });

  it('describes each leakguard rule with its description and its docs URL as helpUri', () => {
    const descriptor = run.tool.driver.rules.find((rule) => rule.id === 'leakguard/require-close');
    expect(descriptor).toEqual({
      id: 'leakguard/require-close',
      shortDescription: { text: rules['require-close'].meta.docs?.description },
      helpUri: rules['require-close'].meta.docs?.url,
    });
  });

  it('describes rules of other plugins too, without a helpUri when their docs are unknown', () => {
    const ids = run.tool.driver.rules.map((rule) => rule.id);
    expect(ids).toEqual(expect.arrayContaining(['leakguard/require-close', 'prefer-const', 'local/no-todo']));
    expect(new Set(ids).size).toBe(ids.length);
    expect(run.tool.driver.rules.find((rule) => rule.id === 'prefer-const')?.helpUri).toMatch(/^https:\/\/eslint\.org\/docs\/.*prefer-const/);
    expect(run.tool.driver.rules.find((rule) => rule.id === 'local/no-todo')).toEqual({ id: 'local/no-todo' });
  });

  it("reports each ESLint message as a result at the message's location, relative to %SRCROOT%", () => {
    const eslintMessages = messages.find((result) => result.filePath === files.leaky)?.messages ?? [];
    expect(eslintMessages.map((message) => message.ruleId).sort()).toEqual(['leakguard/require-close', 'local/no-todo', 'prefer-const']);
    const base = run.originalUriBaseIds['%SRCROOT%']?.uri ?? '';
    expect(base).toBe(`${pathToFileURL(project.dir).href}/`);

    for (const message of eslintMessages) {
      const result = run.results.find((candidate) => candidate.ruleId === message.ruleId && !candidate.suppressions);
      expect(result, `${message.ruleId ?? ''} has no result`).toBeDefined();
      if (!result) continue;
      expect(result.level).toBe(message.severity === 2 ? 'error' : 'warning');
      expect(result.message.text).toBe(message.message);
      expect(run.tool.driver.rules[result.ruleIndex ?? -1]?.id).toBe(message.ruleId);
      const [location] = result.locations;
      expect(location?.physicalLocation.artifactLocation).toEqual({ uri: 'sources/with%20space/load-config.ts', uriBaseId: '%SRCROOT%' });
      expect(new URL(location?.physicalLocation.artifactLocation.uri ?? '', base).href).toBe(pathToFileURL(files.leaky).href);
      expect(location?.physicalLocation.region).toEqual({
        startLine: message.line,
        startColumn: message.column,
        endLine: message.endLine,
        endColumn: message.endColumn,
      });
    }
    expect(run.results.find((result) => result.ruleId === 'leakguard/require-close' && !result.suppressions)?.locations[0]?.physicalLocation.region)
      .toMatchObject({ startLine: 4 });
  });

  it('keeps a finding disabled with a reason as a suppressed result, with the reason', () => {
    const result = run.results.find((candidate) => candidate.suppressions);
    expect(result).toMatchObject({
      ruleId: 'leakguard/require-close',
      suppressions: [{ kind: 'inSource', justification: 'the lock is held until the process exits' }],
      locations: [{ physicalLocation: { artifactLocation: { uri: 'sources/lock-file.ts', uriBaseId: '%SRCROOT%' } } }],
    });
  });

  it('reports a file that does not parse as a failed execution, not as a finding', () => {
    const [invocation] = run.invocations;
    expect(invocation?.executionSuccessful).toBe(false);
    expect(invocation?.toolExecutionNotifications).toHaveLength(1);
    expect(invocation?.toolExecutionNotifications[0]).toMatchObject({
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'sources/broken.ts', uriBaseId: '%SRCROOT%' } } }],
    });
    expect(run.results.filter((result) => result.locations[0]?.physicalLocation.artifactLocation.uri === 'sources/broken.ts')).toEqual([]);
  });

  it('writes an empty, valid log for a clean run, and absolute URIs for files outside the cwd', async () => {
    const formatter = (await import(builtFormatter)) as { default: (results: ESLint.LintResult[], context: unknown) => string };
    const empty = JSON.parse(formatter.default([], { cwd: project.dir, rulesMeta: {} })) as Log;
    expect(schemaErrors(empty)).toEqual([]);
    expect(empty.runs[0]?.results).toEqual([]);
    expect(empty.runs[0]?.invocations[0]?.executionSuccessful).toBe(true);

    const outside = JSON.parse(formatter.default(messages, { cwd: path.join(project.dir, 'sources', 'with space'), rulesMeta: {} })) as Log;
    expect(schemaErrors(outside)).toEqual([]);
    const uris = outside.runs[0]?.results.map((result) => result.locations[0]?.physicalLocation.artifactLocation);
    expect(uris).toContainEqual({ uri: 'load-config.ts', uriBaseId: '%SRCROOT%' });
    expect(uris).toContainEqual({ uri: pathToFileURL(files.suppressed).href });
  });
});
