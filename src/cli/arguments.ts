import path from 'node:path';
import { parseArgs } from 'node:util';
import { shippedCatalog, type Catalog } from '../descriptors/catalog';
import type { AnyCodemodDescriptor } from '../descriptors/codemod-descriptor';
import { OptionValueError, parseOptionValue } from '../descriptors/option-spec';
import { parseShard, type Shard } from './shard';
import { UsageError } from './usage-error';

/** Everything `leakguard fix` was asked to do, validated; paths are absolute. */
export interface FixSettings {
  readonly paths: readonly string[];
  readonly codemods: readonly AnyCodemodDescriptor[];
  readonly dryRun: boolean;
  readonly diff: boolean;
  readonly print: boolean;
  readonly force: boolean;
  readonly reports: readonly string[];
  readonly project: string | undefined;
  readonly since: string | undefined;
  readonly workers: number | undefined;
  /** The selected codemods' own options given on the command line (`--style`, `--max` …), validated. */
  readonly codemodOptions: Readonly<Record<string, unknown>>;
  /** False with `--no-install-hint`: the summary names packages the output imports, without the install command. */
  readonly installHint: boolean;
  /** `--install`: add the packages the written files import and their project does not declare. */
  readonly install: boolean;
  /** `--quiet`: no progress on stderr, on a terminal or in a CI log. */
  readonly quiet: boolean;
  /** `--shard k/n`: only the files of slice k of n. */
  readonly shard: Shard | undefined;
}

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'list' }
  | { readonly kind: 'report-merge'; readonly reports: readonly string[]; readonly output: string | undefined }
  | ({ readonly kind: 'fix' } & FixSettings);

const commandOptions = {
  codemod: { type: 'string', multiple: true },
  dry: { type: 'boolean' },
  diff: { type: 'boolean' },
  print: { type: 'boolean' },
  force: { type: 'boolean' },
  report: { type: 'string', multiple: true },
  project: { type: 'string' },
  since: { type: 'string' },
  workers: { type: 'string' },
  'no-install-hint': { type: 'boolean' },
  install: { type: 'boolean' },
  quiet: { type: 'boolean' },
  shard: { type: 'string' },
  output: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

type ParsedValues = ReturnType<typeof parseArgs<{ options: typeof commandOptions; allowPositionals: true }>>['values'] & Record<string, unknown>;

const reportExtensions = ['.json', '.md'];

/** Each codemod option name, with the codemods that take it (`--max`: bounded-cache). */
export function codemodOptionOwners(catalog: Catalog): Map<string, AnyCodemodDescriptor[]> {
  const owners = new Map<string, AnyCodemodDescriptor[]>();
  for (const codemod of catalog.codemods) {
    for (const name of Object.keys(codemod.options)) owners.set(name, [...(owners.get(name) ?? []), codemod]);
  }
  return owners;
}

export function parseCommandLine(argv: readonly string[], cwd: string = process.cwd(), catalog: Catalog = shippedCatalog): Command {
  const owners = codemodOptionOwners(catalog);
  const options = { ...commandOptions, ...Object.fromEntries([...owners.keys()].map((name) => [name, { type: 'string' as const }])) };
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /^Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    if (unknown !== undefined) throw new UsageError(unknownOptionMessage(unknown, Object.keys(options)));
    // node:util explains the rest precisely ("Option '--report <value>' argument missing"); keep its first sentence.
    throw new UsageError(firstSentence(message));
  }
  const values = parsed.values as ParsedValues;
  const { positionals } = parsed;
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
      if (values.output !== undefined) throw new UsageError('--output belongs to `report merge`; `fix` writes reports with --report <file>');
      return { kind: 'fix', ...fixSettings(values, rest, cwd, catalog, owners) };
    case 'report':
      return reportCommand(values, rest, cwd);
    default:
      throw new UsageError(`unknown command '${command}': use \`fix\`, \`list\` or \`report merge\``);
  }
}

/** `report merge <a.json> <b.json> … [--output merged.json]`: the only `report` subcommand so far. */
function reportCommand(values: ParsedValues, rest: readonly string[], cwd: string): Command {
  const [subcommand, ...reports] = rest;
  if (subcommand !== 'merge') throw new UsageError(`unknown report command '${subcommand ?? ''}': use \`report merge <a.json> <b.json> … [--output merged.json]\``);
  const others = Object.keys(values).filter((name) => name !== 'output');
  if (others.length > 0) throw new UsageError(`\`report merge\` takes only --output, not --${others[0]}`);
  if (values.output !== undefined && path.extname(values.output).toLowerCase() !== '.json') throw new UsageError(`--output ${values.output}: a merged report is JSON; name it <file>.json`);
  return { kind: 'report-merge', reports: reports.map((report) => path.resolve(cwd, report)), output: values.output === undefined ? undefined : path.resolve(cwd, values.output) };
}

function fixSettings(values: ParsedValues, paths: readonly string[], cwd: string, catalog: Catalog, owners: Map<string, AnyCodemodDescriptor[]>): FixSettings {
  if (paths.length === 0) throw new UsageError('`fix` needs at least one path, e.g. `leakguard fix src --codemod all`');
  const codemods = selectedCodemods(values.codemod ?? [], catalog);
  // A dry run writes nothing, package.json included; installing would be the one write it makes.
  if (values.install && values.dry) throw new UsageError('--install adds packages to package.json, and --dry writes nothing: use one or the other');
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
    workers: workerCount(values.workers),
    codemodOptions: codemodOptionValues(values, codemods, owners),
    installHint: !(values['no-install-hint'] ?? false),
    install: values.install ?? false,
    quiet: values.quiet ?? false,
    shard: values.shard === undefined ? undefined : parseShard(values.shard),
  };
}

/**
 * The codemod options given, validated against their specs. An option none of the selected codemods
 * takes is an error: a bound that silently does nothing is worse, the user believes the caches are
 * bounded by it.
 */
function codemodOptionValues(values: ParsedValues, selected: readonly AnyCodemodDescriptor[], owners: Map<string, AnyCodemodDescriptor[]>): Record<string, unknown> {
  const given: Record<string, unknown> = {};
  for (const [name, takers] of owners) {
    const value = values[name];
    if (value === undefined) continue;
    const flag = `--${name}`;
    const [first] = takers;
    try {
      given[name] = parseOptionValue(flag, first.options[name], value);
    } catch (error) {
      if (error instanceof OptionValueError) throw new UsageError(error.message);
      throw error;
    }
    if (!takers.some((codemod) => selected.includes(codemod))) {
      const names = takers.map((codemod) => codemod.name);
      const which = names.length === 1 ? `the ${names[0]} codemod` : `the ${names.join(', ')} codemods`;
      throw new UsageError(`${flag} applies to ${which} only; select it with --codemod ${names[0]} (or all)`);
    }
  }
  return given;
}

/** `--codemod a,b`, `--codemod a --codemod b`, or `--codemod all`; order follows the codemod list. */
function selectedCodemods(requested: readonly string[], catalog: Catalog): readonly AnyCodemodDescriptor[] {
  const { codemods } = catalog;
  const names = requested.flatMap((value) => value.split(',')).map((name) => name.trim()).filter(Boolean);
  const valid = `valid codemods: all, ${codemods.map((codemod) => codemod.name).join(', ')}`;
  if (names.length === 0) throw new UsageError(`\`fix\` needs --codemod <name|all>; ${valid}`);
  if (names.includes('all')) return codemods;
  for (const name of names) {
    if (!codemods.some((codemod) => codemod.name === name)) throw new UsageError(`unknown codemod '${name}'; ${valid}`);
  }
  return codemods.filter((codemod) => names.includes(codemod.name));
}

function reportPath(report: string, cwd: string): string {
  if (!reportExtensions.includes(path.extname(report).toLowerCase())) {
    throw new UsageError(`--report ${report}: the file name must end in .json or .md (it picks the format)`);
  }
  return path.resolve(cwd, report);
}

function workerCount(workers: string | undefined): number | undefined {
  if (workers === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(workers)) throw new UsageError(`--workers ${workers}: expected a positive whole number`);
  return Number(workers);
}

/** `unknown option '--dryrun'; did you mean --dry?`, in the words of the other usage errors. */
function unknownOptionMessage(flag: string, known: readonly string[]): string {
  const name = flag.replace(/^-+/, '').replace(/=.*$/, '');
  const nearest = known
    .map((candidate) => ({ candidate, distance: editDistance(name, candidate) }))
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))[0];
  // A typo is a few letters off; past that the guess would mislead more than help.
  const close = nearest && nearest.distance <= Math.max(2, Math.floor(name.length / 2));
  return `unknown option '${flag}'${close ? `; did you mean --${nearest.candidate}?` : ''}`;
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

function firstSentence(message: string): string {
  const end = message.indexOf('. ');
  return end === -1 ? message : message.slice(0, end);
}
