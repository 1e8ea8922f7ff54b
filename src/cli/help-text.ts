import type { Catalog } from '../descriptors/catalog';
import { flagUsage } from '../descriptors/option-spec';
import { codemodOptionOwners } from './arguments';
import { sourceExtensions } from './source-files';

const FLAG_COLUMN = 23;

/**
 * One help line per codemod option, from the descriptors: `--max <n>  bounded-cache: …`. A flag too
 * long for its column gets its description on the next line, indented to the column.
 */
function codemodOptionLines(catalog: Catalog): string {
  return [...codemodOptionOwners(catalog)]
    .map(([name, takers]) => {
      const spec = takers[0].options[name];
      const usage = flagUsage(name, spec);
      const flag = usage.length < FLAG_COLUMN ? usage.padEnd(FLAG_COLUMN) : `${usage}\n${' '.repeat(FLAG_COLUMN + 2)}`;
      return `  ${flag}${takers.map((codemod) => codemod.name).join(', ')}: ${spec.description}\n`;
    })
    .join('');
}

function requiredPackages(catalog: Catalog): string {
  return [...new Set(catalog.codemods.flatMap((codemod) => codemod.requiredPackages ?? []))].join(', ');
}

export const helpText = (catalog: Catalog): string => `Usage:
  leakguard fix <paths...> --codemod <name[,name...]|all> [options]
  leakguard list
  leakguard report merge <a.json> <b.json...> [--output merged.json]
  leakguard --help | --version

Commands:
  fix     Run codemods over the ${sourceExtensions.join(' ')} files under <paths>
          (.gitignore honoured inside a git work tree, .d.ts files skipped) and rewrite them in place.
  list    Print the rules and the codemods with the rule each one fixes.
  report merge
          Merge the JSON reports of \`fix --shard k/n\` jobs into one (stdout, or --output <file>.json);
          exits with the merged run's exit code.

Options for fix:
  --codemod <name|all>   Codemods to run, comma-separated or repeated; \`all\` runs every codemod.
  --dry                  Do not write files (always allowed, even on a dirty git tree).
  --diff                 Print a unified diff of every change on stdout.
  --print                Print the rewritten source of every changed file on stdout.
  --force                Write even though the git tree has uncommitted changes under <paths>.
  --report <file>        Write a report; the extension picks the format: .json (schemaVersion 2) or .md.
                         May be repeated.
  --project <tsconfig>   Type information from this tsconfig instead of the nearest one per file.
  --since <git-ref>      Only files changed since <git-ref> (committed, staged, unstaged or untracked).
  --workers <n>          Worker threads (default: one per CPU, at most one per 16 files; 1 = main thread only).
  --shard <k/n>          Only slice k of n of the files (a stable partition by path): one CI job per slice.
  --quiet                No progress on stderr (on a terminal: a status line; otherwise a line every 10 s).
${codemodOptionLines(catalog)}  --no-install-hint      Do not print the command that installs a package the output imports (${requiredPackages(catalog)}).
  --install              Add such a package to the project with its package manager (not with --dry).

Exit codes:
  0  every finding was fixed, or there was none
  1  findings remain: skipped with a reason, or not written because of --dry
  2  usage error
  3  refused to write: uncommitted changes under <paths> (commit, stash, or pass --force)
  4  some files failed to parse, crashed a codemod or could not be written (the others were processed)
  5  files were written that import a package their project does not declare (see --install)

Docs: https://github.com/leakguard/eslint-plugin-leakguard/blob/main/docs/cli.md
`;
