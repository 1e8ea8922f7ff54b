import path from 'node:path';
import { parseArgs } from 'node:util';
import { codemods, findCodemod, type CodemodInfo } from '../../codemods/index';
import type { CodemodOptions } from '../codemod/outcome';
import { UsageError } from './usage-error';

export type TransformStyle = NonNullable<CodemodOptions['style']>;

/** Everything `leakguard fix` was asked to do, validated; paths are absolute. */
export interface FixSettings {
  readonly paths: readonly string[];
  readonly codemods: readonly CodemodInfo[];
  readonly dryRun: boolean;
  readonly diff: boolean;
  readonly print: boolean;
  readonly force: boolean;
  readonly reports: readonly string[];
  readonly project: string | undefined;
  readonly since: string | undefined;
  readonly style: TransformStyle | undefined;
  readonly workers: number | undefined;
  /** `--max`: `bounded-cache`'s lru-cache `max`, also the entries a growing array keeps. */
  readonly max: number | undefined;
  /** `--ttl`: `bounded-cache`'s lru-cache `ttl`, in milliseconds. */
  readonly ttl: number | undefined;
  /** False with `--no-install-hint`: the summary names packages the output imports, without the install command. */
  readonly installHint: boolean;
}

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'list' }
  | ({ readonly kind: 'fix' } & FixSettings);

const options = {
  codemod: { type: 'string', multiple: true },
  dry: { type: 'boolean' },
  diff: { type: 'boolean' },
  print: { type: 'boolean' },
  force: { type: 'boolean' },
  report: { type: 'string', multiple: true },
  project: { type: 'string' },
  since: { type: 'string' },
  style: { type: 'string' },
  workers: { type: 'string' },
  max: { type: 'string' },
  ttl: { type: 'string' },
  'no-install-hint': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

type ParsedValues = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

const styles: readonly TransformStyle[] = ['try-finally', 'using'];
const reportExtensions = ['.json', '.md'];
/** The codemod that `--max` and `--ttl` configure. */
const cacheCodemod = 'bounded-cache';

export function parseCommandLine(argv: readonly string[], cwd: string = process.cwd()): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    // node:util explains the flag precisely ("Unknown option '--dryrun'"); keep its first sentence.
    throw new UsageError(firstSentence((error as Error).message));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...rest] = positionals;
  switch (command) {
    case undefined:
      throw new UsageError('missing command: `fix` or `list`');
    case 'help':
      return { kind: 'help' };
    case 'list':
      if (rest.length > 0 || Object.keys(values).length > 0) throw new UsageError('`list` takes no arguments or options');
      return { kind: 'list' };
    case 'fix':
      return { kind: 'fix', ...fixSettings(values, rest, cwd) };
    default:
      throw new UsageError(`unknown command '${command}': use \`fix\` or \`list\``);
  }
}

function fixSettings(values: ParsedValues, paths: readonly string[], cwd: string): FixSettings {
  if (paths.length === 0) throw new UsageError('`fix` needs at least one path, e.g. `leakguard fix src --codemod all`');
  const codemods = selectedCodemods(values.codemod ?? []);
  const max = positiveWholeNumber('--max', values.max, 'the entries each cache keeps');
  const ttl = positiveWholeNumber('--ttl', values.ttl, 'milliseconds');
  // A bound that silently does nothing is worse than an error: the user believes the caches are bounded by it.
  for (const [flag, value] of [['--max', max], ['--ttl', ttl]] as const) {
    if (value !== undefined && !codemods.some((codemod) => codemod.name === cacheCodemod)) {
      throw new UsageError(`${flag} applies to the ${cacheCodemod} codemod only; select it with --codemod ${cacheCodemod} (or all)`);
    }
  }
  return {
    paths: paths.map((given) => path.resolve(cwd, given)),
    codemods,
    dryRun: values.dry ?? false,
    diff: values.diff ?? false,
    print: values.print ?? false,
    force: values.force ?? false,
    reports: (values.report ?? []).map((report) => reportPath(report, cwd)),
    project: values.project === undefined ? undefined : path.resolve(cwd, values.project),
    since: values.since,
    style: transformStyle(values.style),
    workers: workerCount(values.workers),
    max,
    ttl,
    installHint: !(values['no-install-hint'] ?? false),
  };
}

/** `--codemod a,b`, `--codemod a --codemod b`, or `--codemod all`; order follows the codemod list. */
function selectedCodemods(requested: readonly string[]): readonly CodemodInfo[] {
  const names = requested.flatMap((value) => value.split(',')).map((name) => name.trim()).filter(Boolean);
  const valid = `valid codemods: all, ${codemods.map((codemod) => codemod.name).join(', ')}`;
  if (names.length === 0) throw new UsageError(`\`fix\` needs --codemod <name|all>; ${valid}`);
  if (names.includes('all')) return codemods;
  for (const name of names) {
    if (!findCodemod(name)) throw new UsageError(`unknown codemod '${name}'; ${valid}`);
  }
  return codemods.filter((codemod) => names.includes(codemod.name));
}

function reportPath(report: string, cwd: string): string {
  if (!reportExtensions.includes(path.extname(report).toLowerCase())) {
    throw new UsageError(`--report ${report}: the file name must end in .json or .md (it picks the format)`);
  }
  return path.resolve(cwd, report);
}

function transformStyle(style: string | undefined): TransformStyle | undefined {
  if (style === undefined) return undefined;
  const known = styles.find((candidate) => candidate === style);
  if (!known) throw new UsageError(`--style ${style}: use ${styles.join(' or ')}`);
  return known;
}

function workerCount(workers: string | undefined): number | undefined {
  if (workers === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(workers)) throw new UsageError(`--workers ${workers}: expected a positive whole number`);
  return Number(workers);
}

/** `--max 5000`, `--ttl 600000`: whole numbers above zero; a fraction or an exponent is a typo, not a bound. */
function positiveWholeNumber(flag: string, value: string | undefined, unit: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^[1-9]\d*$/.test(value) || !Number.isSafeInteger(number)) {
    throw new UsageError(`${flag} ${value}: expected a positive whole number (${unit})`);
  }
  return number;
}

function firstSentence(message: string): string {
  const end = message.indexOf('. ');
  return end === -1 ? message : message.slice(0, end);
}
