import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codemods } from '../../codemods/index';
import { parseCommandLine } from '../../src/cli/arguments';
import { UsageError } from '../../src/cli/usage-error';

const cwd = path.resolve('/work/project');

function fix(argv: readonly string[]) {
  const command = parseCommandLine(argv, cwd);
  if (command.kind !== 'fix') throw new Error(`expected fix, got ${command.kind}`);
  return command;
}

describe('parseCommandLine', () => {
  it('resolves paths, --project and --report against the working directory', () => {
    const command = fix(['fix', 'src', '../lib', '--codemod', 'try-finally-close', '--project', 'tsconfig.json', '--report', 'out/leaks.json']);
    expect(command.paths).toEqual([path.join(cwd, 'src'), path.resolve(cwd, '../lib')]);
    expect(command.project).toBe(path.join(cwd, 'tsconfig.json'));
    expect(command.reports).toEqual([path.join(cwd, 'out/leaks.json')]);
    expect(command).toMatchObject({ dryRun: false, diff: false, print: false, force: false, since: undefined, workers: undefined, codemodOptions: {}, installHint: true });
  });

  it('expands `all` to every codemod and accepts comma-separated and repeated names', () => {
    expect(fix(['fix', 'src', '--codemod', 'all']).codemods).toEqual(codemods);
    expect(fix(['fix', 'src', '--codemod', 'try-finally-close,try-finally-close']).codemods.map((codemod) => codemod.name)).toEqual(['try-finally-close']);
    // Run order is the order of the codemod list, whatever the order on the command line.
    const [first, second] = codemods;
    if (first && second) expect(fix(['fix', 'src', '--codemod', `${second.name},${first.name}`]).codemods).toEqual([first, second]);
    expect(fix(['fix', 'src', '--codemod', 'try-finally-close', '--codemod', 'try-finally-close']).codemods).toHaveLength(1);
  });

  it('names the valid codemods when one is unknown or missing', () => {
    const valid = `valid codemods: all, ${codemods.map((codemod) => codemod.name).join(', ')}`;
    expect(() => fix(['fix', 'src', '--codemod', 'close-everything'])).toThrow(`unknown codemod 'close-everything'; ${valid}`);
    expect(() => fix(['fix', 'src'])).toThrow(`\`fix\` needs --codemod <name|all>; ${valid}`);
  });

  it('rejects what it cannot honour with a usage error', () => {
    const rejected = [
      ['fix', '--codemod', 'all'],
      ['fix', 'src', '--codemod', 'all', '--dryrun'],
      ['fix', 'src', '--codemod', 'all', '--report', 'leaks.txt'],
      ['fix', 'src', '--codemod', 'all', '--style', 'defer'],
      ['fix', 'src', '--codemod', 'all', '--workers', '0'],
      ['fix', 'src', '--codemod', 'all', '--workers', 'many'],
      ['list', 'src'],
      ['migrate', 'src'],
      [],
    ];
    for (const argv of rejected) expect(() => parseCommandLine(argv, cwd), argv.join(' ')).toThrow(UsageError);
  });

  it('accepts both report formats, both styles and a worker count', () => {
    const command = fix(['fix', 'src', '--codemod', 'all', '--report', 'a.JSON', '--report', 'b.md', '--style', 'using', '--workers', '3', '--dry', '--diff', '--print', '--force', '--since', 'main']);
    expect(command.reports.map((report) => path.basename(report))).toEqual(['a.JSON', 'b.md']);
    expect(command).toMatchObject({ codemodOptions: { style: 'using' }, workers: 3, dryRun: true, diff: true, print: true, force: true, since: 'main' });
  });

  it('takes --max and --ttl for bounded-cache as whole numbers, and --no-install-hint', () => {
    expect(fix(['fix', 'src', '--codemod', 'bounded-cache', '--max', '5000', '--ttl=600000', '--no-install-hint'])).toMatchObject({ codemodOptions: { max: 5000, ttl: 600000 }, installHint: false });
    expect(fix(['fix', 'src', '--codemod', 'all', '--max', '1'])).toMatchObject({ codemodOptions: { max: 1 }, installHint: true });
  });

  it('explains a --max or --ttl that is not a positive whole number', () => {
    const cases: ReadonlyArray<readonly [string, string, string]> = [
      ['--max', '0', '--max 0: expected a positive whole number (the entries each cache keeps)'],
      ['--max', '1.5', '--max 1.5: expected a positive whole number (the entries each cache keeps)'],
      ['--max', '1e3', '--max 1e3: expected a positive whole number (the entries each cache keeps)'],
      ['--max', '99999999999999999999', '--max 99999999999999999999: expected a positive whole number'],
      ['--ttl', 'ten', '--ttl ten: expected a positive whole number (milliseconds)'],
      ['--ttl', '=-5', '--ttl -5: expected a positive whole number (milliseconds)'],
    ];
    for (const [flag, value, message] of cases) {
      const argv = ['fix', 'src', '--codemod', 'bounded-cache', value.startsWith('=') ? `${flag}${value}` : flag, ...(value.startsWith('=') ? [] : [value])];
      expect(() => fix(argv), argv.join(' ')).toThrow(UsageError);
      expect(() => fix(argv), argv.join(' ')).toThrow(message);
    }
  });

  it('refuses a codemod option when no selected codemod takes it: the option would silently do nothing', () => {
    expect(() => fix(['fix', 'src', '--codemod', 'try-finally-close', '--ttl', '1000'])).toThrow(
      '--ttl applies to the bounded-cache codemod only; select it with --codemod bounded-cache (or all)',
    );
    expect(() => fix(['fix', 'src', '--codemod', 'bounded-cache', '--style', 'using'])).toThrow(
      '--style applies to the try-finally-close codemod only; select it with --codemod try-finally-close (or all)',
    );
  });

  it('names an unknown option in the words of the other errors, with the nearest known option when it is a typo', () => {
    expect(() => fix(['fix', 'src', '--codemod', 'all', '--dryrun'])).toThrow("unknown option '--dryrun'; did you mean --dry?");
    expect(() => fix(['fix', 'src', '--codemod', 'all', '--maxx', '5'])).toThrow("unknown option '--maxx'; did you mean --max?");
    expect(() => fix(['fix', 'src', '--codemod', 'all', '--bogus'])).toThrow(/^unknown option '--bogus'$/);
  });

  it('recognises help, version and list', () => {
    expect(parseCommandLine(['--help'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['fix', '-h'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['help'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['--version'])).toEqual({ kind: 'version' });
    expect(parseCommandLine(['list'])).toEqual({ kind: 'list' });
  });
});
