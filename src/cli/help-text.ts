import { sourceExtensions } from './source-files';

export const helpText = `Usage:
  leakguard fix <paths...> --codemod <name[,name...]|all> [options]
  leakguard list
  leakguard --help | --version

Commands:
  fix     Run codemods over the ${sourceExtensions.join(' ')} files under <paths>
          (.gitignore honoured inside a git work tree, .d.ts files skipped) and rewrite them in place.
  list    Print the rules and the codemods with the rule each one fixes.

Options for fix:
  --codemod <name|all>   Codemods to run, comma-separated or repeated; \`all\` runs every codemod.
  --dry                  Do not write files (always allowed, even on a dirty git tree).
  --diff                 Print a unified diff of every change on stdout.
  --print                Print the rewritten source of every changed file on stdout.
  --force                Write even though the git tree has uncommitted changes under <paths>.
  --report <file>        Write a report; the extension picks the format: .json (schemaVersion 1) or .md.
                         May be repeated.
  --project <tsconfig>   Type information from this tsconfig instead of the nearest one per file.
  --since <git-ref>      Only files changed since <git-ref> (committed, staged, unstaged or untracked).
  --style <style>        try-finally (default) or using (\`using\`/\`await using\` where the type is Disposable).
  --workers <n>          Worker threads (default: one per CPU, at most one per 16 files; 1 = main thread only).
  --max <n>              bounded-cache: entries each LRUCache keeps, and a growing array (default 1000).
  --ttl <ms>             bounded-cache: lru-cache ttl in milliseconds (default: none).
  --no-install-hint      Do not print the command that installs a package the output imports (lru-cache).

Exit codes:
  0  every finding was fixed, or there was none
  1  findings remain: skipped with a reason, or not written because of --dry
  2  usage error
  3  refused to write: uncommitted changes under <paths> (commit, stash, or pass --force)
  4  some files failed to parse, crashed a codemod or could not be written (the others were processed)

Docs: docs/cli.md
`;
