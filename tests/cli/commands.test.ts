import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codemods } from '../../codemods/index';
import { rules } from '../../rules/index';
import { initRepository, leakyConfigReader, removeTemporaryDirectories, runCli, temporaryDirectory, writeFiles } from './cli-harness';

const validCodemods = `valid codemods: all, ${codemods.map((codemod) => codemod.name).join(', ')}`;

afterAll(removeTemporaryDirectories);

describe('leakguard --help, --version, list', () => {
  it('prints usage with the exit codes on --help', () => {
    const run = runCli(['--help'], temporaryDirectory());
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage:\n {2}leakguard fix <paths\.\.\.> --codemod/);
    expect(run.stdout).toContain('3  refused to write');
  });

  it('prints the package version on --version', () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(runCli(['--version'], temporaryDirectory()).stdout).toBe(`${manifest.version}\n`);
  });

  it('lists the rules with their descriptions and the codemods with their paired rule', () => {
    const run = runCli(['list'], temporaryDirectory());
    expect(run.status).toBe(0);
    const [ruleSection = '', codemodSection = ''] = run.stdout.split('\n\n');
    expect(ruleSection.split('\n')[0]).toBe('Rules (ESLint: leakguard/<rule>):');
    expect(ruleSection.split('\n').slice(1)).toEqual(
      Object.entries(rules).map(([name, rule]) => expect.stringMatching(new RegExp(`^  ${name} +${escapeRegExp(rule.meta.docs?.description ?? '')}$`)) as unknown),
    );
    expect(codemodSection.split('\n')[0]).toBe('Codemods (leakguard fix <paths> --codemod <name>):');
    expect(codemodSection.trimEnd().split('\n').slice(1)).toEqual(
      codemods.map((codemod) => expect.stringMatching(new RegExp(`^  ${codemod.name} +fixes ${codemod.fixes.map((rule) => `leakguard/${rule.name}`).join(', ')} +${escapeRegExp(codemod.description)}$`)) as unknown),
    );
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('leakguard usage errors', () => {
  const directory = temporaryDirectory();
  writeFiles(directory, { 'src/config.ts': leakyConfigReader });
  initRepository(directory);

  const usageErrors: ReadonlyArray<[string, readonly string[], RegExp]> = [
    ['an unknown codemod, listing the valid ones', ['fix', 'src', '--codemod', 'close-all'], new RegExp(`unknown codemod 'close-all'; ${validCodemods}\n`)],
    ['an unknown flag, with the nearest known one', ['fix', 'src', '--codemod', 'all', '--dryrun'], /^leakguard: unknown option '--dryrun'; did you mean --dry\?$/m],
    ['missing paths', ['fix', '--codemod', 'all'], /`fix` needs at least one path/],
    ['a path that does not exist', ['fix', 'lib', '--codemod', 'all'], /path not found: lib/],
    ['a --project that does not exist', ['fix', 'src', '--codemod', 'all', '--project', 'tsconfig.app.json'], /--project tsconfig\.app\.json: no such file/],
    ['a --since that is not a commit', ['fix', 'src', '--codemod', 'all', '--since', 'no-such-branch'], /--since no-such-branch: not a commit/],
    ['a ref that looks like a flag', ['fix', 'src', '--codemod', 'all', '--since=--output=/tmp/x'], /--since --output=\/tmp\/x: not a commit/],
  ];
  for (const [what, argv, message] of usageErrors) {
    it(`exits 2 on ${what}, without touching files`, () => {
      const run = runCli(argv, directory);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain('Run `leakguard --help` for usage.');
      expect(run.stdout).toBe('');
      expect(fs.readFileSync(path.join(directory, 'src/config.ts'), 'utf8')).toBe(leakyConfigReader);
    });
  }
});
