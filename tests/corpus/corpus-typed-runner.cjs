// The typed half of the robustness corpus. Users run leakguard's `recommended-type-checked` preset in
// CI and the `leakguard fix` CLI with their tsconfig: the typed oracle asks the checker about every
// candidate, and a codemod's output then meets the user's type checker. So each package of
// node_modules is copied to a temporary folder, gets a tsconfig (its own when it ships a usable one,
// else a generated one), and its files go through every rule and every codemod with that program;
// every changed output is type-checked against its input. Plain CommonJS over dist/, like
// corpus-runner.cjs, so the vitest sample and `node scripts/corpus.mjs` run the same code.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const ts = require('typescript');
const { repoRoot, SOURCE_EXTENSIONS, checkSource, emptyTotals, addToTotals, parseWithTypeScriptEstree, ruleNames, codemodNames } = require('./corpus-runner.cjs');

const { programWithSource } = require(path.join(repoRoot, 'dist', 'src', 'codemod', 'program-with-source.js'));
const { sharingCompilerHost } = require(path.join(repoRoot, 'dist', 'src', 'codemod', 'shared-source-files.js'));

const nodeModules = path.join(repoRoot, 'node_modules');
/** What a package copy needs to type-check: sources, declaration files, package.json files (module format, exports). */
const COPIED_EXTENSIONS = new Set([...SOURCE_EXTENSIONS, '.json']);
/** The tsconfig a package gets when it ships none (or one we cannot use); beside its own, if any. */
const GENERATED_TSCONFIG = 'tsconfig.json';
const GENERATED_TSCONFIG_BESIDE_OWN = 'tsconfig.leakguard-corpus.json';

/**
 * What a user with a JavaScript or TypeScript package and no tsconfig of their own would write:
 * JavaScript allowed but not checked (`checkJs` only decides which errors are reported, the types
 * the rules see are the same), module resolution as Node itself does it (package.json `type` and
 * `exports` decide), and `@types/node` from this repository so `node:` imports resolve.
 */
function generatedCompilerOptions() {
  return {
    allowJs: true,
    checkJs: false,
    noEmit: true,
    skipLibCheck: true,
    target: 'ESNext',
    lib: ['ESNext'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    resolveJsonModule: true,
    // TypeScript sources shipped beside their output import `./x.ts` now and then.
    allowImportingTsExtensions: true,
    jsx: 'preserve',
    strict: true,
    types: ['node'],
    typeRoots: [path.join(nodeModules, '@types')],
  };
}

/**
 * `dir/node_modules/x` → `dir/node_modules/x`, `…/@scope/x/lib/a.js` → `…/@scope/x`: the package a
 * corpus path (relative to node_modules, `/`-separated) belongs to, or undefined for a file that
 * sits directly in a node_modules folder.
 */
function packageRootOf(relativePath) {
  const parts = relativePath.split('/');
  const start = parts.lastIndexOf('node_modules') + 1;
  const length = parts[start]?.startsWith('@') ? 2 : 1;
  if (start + length >= parts.length) return undefined;
  return parts.slice(0, start + length).join('/');
}

/** The corpus files grouped by package (package order = path order), and the files in no package. */
function collectPackages(files, root = nodeModules) {
  const byRoot = new Map();
  const withoutPackage = [];
  for (const file of files) {
    const relativeRoot = packageRootOf(file.path);
    const absoluteRoot = relativeRoot && path.join(root, ...relativeRoot.split('/'));
    if (!relativeRoot || !fs.existsSync(path.join(absoluteRoot, 'package.json'))) {
      withoutPackage.push({ file, reason: 'no package.json at its package root' });
      continue;
    }
    if (!byRoot.has(relativeRoot)) byRoot.set(relativeRoot, { relativeRoot, absoluteRoot, files: [] });
    byRoot.get(relativeRoot).files.push(file);
  }
  return { packages: [...byRoot.values()], withoutPackage };
}

/**
 * A temporary folder whose `node_modules` links to this repository's, so that what a package copy
 * imports (other packages, lru-cache that bounded-cache adds) resolves as it does in node_modules.
 */
function createWorkspace(prefix = 'leakguard-corpus-') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    fs.symlinkSync(nodeModules, path.join(dir, 'node_modules'), 'dir');
  } catch (error) {
    // Nobody gets the folder to remove when the link fails: remove it here.
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let slots = 0;
  return {
    dir,
    nextSlot: () => path.join(dir, `p${slots++}`),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Sources, declarations and JSON, no nested node_modules (linked instead), no symlinks. Each file is a
 * hard link where the file system allows one: the same bytes at the copy's path, as a copy would be,
 * without writing them out and deleting them again (copying and removing the sampled packages' trees
 * was a fifth of the typed sample's time). Nothing writes to a copied file: the codemods' outputs stay
 * in memory, and `preparePackage` replaces, never writes through, the one file it creates.
 */
function copyPackageTree(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') copyPackageTree(source, path.join(to, entry.name));
    } else if (entry.isFile() && COPIED_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      linkOrCopy(source, path.join(to, entry.name));
    }
  }
}

/** A hard link, or a copy where there can be none (another file system, no permission). */
function linkOrCopy(source, destination) {
  try {
    fs.linkSync(source, destination);
  } catch (error) {
    if (!['EXDEV', 'EPERM', 'EACCES', 'EMLINK', 'ENOTSUP'].includes(error?.code)) throw error;
    fs.copyFileSync(source, destination);
  }
}

function readTsconfig(tsconfigPath) {
  let configError;
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfigPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      configError = diagnostic;
    },
  });
  const error = configError ?? parsed?.errors[0];
  if (!parsed || error) return { error: error ? ts.flattenDiagnosticMessageText(error.messageText, ' ') : 'unreadable' };
  return { parsed };
}

/**
 * Copies the package to a fresh slot of `workspace` and decides its projects: the package's own
 * tsconfig.json for the corpus files it includes, when it parses (its `extends` resolves) and
 * includes any; a generated tsconfig for the others. The slot's `node_modules` links to the folder
 * that holds the package, the copy's own `node_modules` to the package's nested one: the copy
 * resolves imports as the original does (up to two levels of nesting).
 */
function preparePackage(workspace, pkg) {
  const slot = workspace.nextSlot();
  const copyRoot = path.join(slot, path.basename(pkg.absoluteRoot));
  copyPackageTree(pkg.absoluteRoot, copyRoot);
  const scoped = path.basename(path.dirname(pkg.absoluteRoot)).startsWith('@');
  fs.symlinkSync(scoped ? path.dirname(path.dirname(pkg.absoluteRoot)) : path.dirname(pkg.absoluteRoot), path.join(slot, 'node_modules'), 'dir');
  if (fs.existsSync(path.join(pkg.absoluteRoot, 'node_modules'))) fs.symlinkSync(path.join(pkg.absoluteRoot, 'node_modules'), path.join(copyRoot, 'node_modules'), 'dir');

  const copyPathOf = (file) => path.join(copyRoot, path.relative(pkg.absoluteRoot, file.absolutePath));
  const projects = [];
  let ownTsconfigRefused;
  let remaining = pkg.files;
  const ownTsconfig = path.join(copyRoot, 'tsconfig.json');
  if (fs.existsSync(ownTsconfig)) {
    const own = readTsconfig(ownTsconfig);
    if (own.error) {
      ownTsconfigRefused = own.error;
    } else {
      const rootNames = new Set(own.parsed.fileNames.map((file) => path.resolve(file)));
      const covered = remaining.filter((file) => rootNames.has(copyPathOf(file)));
      if (covered.length === 0) {
        ownTsconfigRefused = 'it includes none of the package’s corpus files';
      } else {
        projects.push({ kind: 'own', tsconfigPath: ownTsconfig, parsed: own.parsed, files: covered });
        remaining = remaining.filter((file) => !covered.includes(file));
      }
    }
  }
  if (remaining.length > 0) {
    const tsconfigPath = path.join(copyRoot, fs.existsSync(ownTsconfig) ? GENERATED_TSCONFIG_BESIDE_OWN : GENERATED_TSCONFIG);
    const files = remaining.map((file) => path.relative(copyRoot, copyPathOf(file)).split(path.sep).join('/'));
    // A new file, never a write through a hard link into node_modules (copyPackageTree).
    fs.rmSync(tsconfigPath, { force: true });
    fs.writeFileSync(tsconfigPath, `${JSON.stringify({ compilerOptions: generatedCompilerOptions(), files }, null, 2)}\n`);
    const generated = readTsconfig(tsconfigPath);
    if (generated.error) throw new Error(`the generated ${tsconfigPath} does not parse: ${generated.error}`);
    projects.push({ kind: 'generated', tsconfigPath, parsed: generated.parsed, files: remaining });
  }
  return { slot, copyRoot, copyPathOf, projects, ownTsconfigRefused };
}

/** The project's program; `overrides` for the type-check comparison's `checkJs`. */
function buildProgram(project, overrides = {}) {
  const options = { ...project.parsed.options, noEmit: true, ...overrides };
  // lib.*.d.ts, @types/node and the rest of node_modules are parsed once and shared by every package's program.
  return ts.createProgram({ rootNames: project.parsed.fileNames, options, host: sharingCompilerHost(options, true), projectReferences: project.parsed.projectReferences });
}

/** Syntactic and semantic errors as message texts: a rewrite moves lines, so positions cannot be compared. */
function diagnosticMessages(program, fileName) {
  const sourceFile = program.getSourceFile(fileName);
  if (!sourceFile) throw new Error(`${fileName} is not in the program`);
  return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)].map(
    (diagnostic) => `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
  );
}

/** The messages of `after` that `before` lacks, as multisets: a second copy of an error is new. */
function newMessages(before, after) {
  const remaining = new Map();
  for (const message of before) remaining.set(message, (remaining.get(message) ?? 0) + 1);
  const added = [];
  for (const message of after) {
    const count = remaining.get(message) ?? 0;
    if (count > 0) remaining.set(message, count - 1);
    else added.push(message);
  }
  return added;
}

/**
 * Every changed output against its input, in the project's program with `checkJs` on (with it off a
 * JavaScript file reports syntax errors only): the output may not have more errors than the input.
 * The program is built on first need (most packages have no changed file), by `context.program(file)`.
 */
function compareTypeChecks(check, copyPath, typeCheckContext) {
  const comparisons = [];
  for (const codemod of check.codemods) {
    if (!codemod.changed || codemod.unparsable || codemod.output === undefined) continue;
    try {
      const program = typeCheckContext.program(copyPath);
      typeCheckContext.before.set(copyPath, typeCheckContext.before.get(copyPath) ?? diagnosticMessages(program, copyPath));
      const before = typeCheckContext.before.get(copyPath);
      const after = diagnosticMessages(programWithSource(program, copyPath, codemod.output), copyPath);
      comparisons.push({ codemod: codemod.codemod, before: before.length, after: after.length, newDiagnostics: newMessages(before, after) });
    } catch (error) {
      comparisons.push({ codemod: codemod.codemod, before: 0, after: 0, newDiagnostics: [], error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
    }
  }
  return comparisons;
}

const JAVASCRIPT_FILE = /\.[cm]?jsx?$/i;

/**
 * The programs changed outputs are type-checked in: the project's options with `checkJs` on, and for
 * JavaScript `noImplicitAny` off. JavaScript without JSDoc is implicitly `any` everywhere; a codemod
 * cannot know the JSDoc to write (`let client;` for a lazy singleton), and the fixtures of this
 * repository's own codemods expect none. TypeScript files keep the project's strictness.
 */
function typeCheckContextFor(project) {
  let typescriptProgram;
  let javascriptProgram;
  return {
    before: new Map(),
    program: (fileName) =>
      JAVASCRIPT_FILE.test(fileName)
        ? (javascriptProgram ??= buildProgram(project, { checkJs: true, noImplicitAny: false }))
        : (typescriptProgram ??= buildProgram(project, { checkJs: true })),
  };
}

function emptyTypedTotals() {
  return {
    ...emptyTotals(),
    packages: 0,
    packagesWithOwnTsconfig: [],
    ownTsconfigsRefused: [],
    untypedFiles: [],
    /** Parse errors typed of files that parse untyped: the program, not the file, is at fault (a crash by another name). */
    typedOnlyParseFailures: [],
    typeCheck: { compared: 0, regressions: [], errors: [], diagnosticsBefore: 0, diagnosticsAfter: 0 },
    /** The same files untyped, when asked for: what the types added or took away. */
    untypedSameFiles: emptyTotals(),
    findingDifferences: [],
    programMilliseconds: 0,
  };
}

/**
 * Runs the packages of `files` typed: per package a temporary copy, its projects, one program each,
 * every file of a program through every rule and codemod with it, every changed output type-checked.
 * `untypedResults` (path → result of the untyped run) fills `untypedSameFiles`; with
 * `compareUntyped` the files missing there are run untyped too (on the copy). Never throws for a
 * package: what cannot be typed is counted in `untypedFiles` with a reason.
 */
function runTypedCorpus(files, { root = nodeModules, untypedResults, compareUntyped = false, onFile, onPackage } = {}) {
  const totals = emptyTypedTotals();
  const { packages, withoutPackage } = collectPackages(files, root);
  totals.untypedFiles.push(...withoutPackage.map(({ file, reason }) => ({ file: file.path, reason })));
  const workspace = createWorkspace();
  let index = 0;
  try {
    for (const pkg of packages) {
      const started = performance.now();
      const before = { files: totals.files, untyped: totals.untypedFiles.length };
      runTypedPackage(pkg, workspace, totals, { untypedResults, compareUntyped, onFile: (file, result) => onFile?.(file, result, index++) });
      totals.packages++;
      onPackage?.(pkg, { typed: totals.files - before.files, untyped: totals.untypedFiles.length - before.untyped, milliseconds: performance.now() - started });
    }
  } finally {
    workspace.remove();
  }
  return totals;
}

function runTypedPackage(pkg, workspace, totals, { untypedResults, compareUntyped, onFile }) {
  let prepared;
  try {
    prepared = preparePackage(workspace, pkg);
  } catch (error) {
    for (const file of pkg.files) totals.untypedFiles.push({ file: file.path, reason: `the package could not be copied: ${String(error)}` });
    return;
  }
  if (prepared.ownTsconfigRefused) totals.ownTsconfigsRefused.push({ package: pkg.relativeRoot, reason: prepared.ownTsconfigRefused });
  try {
    for (const project of prepared.projects) {
      const started = performance.now();
      let program;
      try {
        program = buildProgram(project);
      } catch (error) {
        for (const file of project.files) totals.untypedFiles.push({ file: file.path, reason: `no program from ${project.kind} tsconfig: ${String(error)}` });
        continue;
      }
      totals.programMilliseconds += performance.now() - started;
      if (project.kind === 'own') totals.packagesWithOwnTsconfig.push({ package: pkg.relativeRoot, files: project.files.length });
      const typeCheckContext = typeCheckContextFor(project);
      for (const file of project.files) {
        const copyPath = prepared.copyPathOf(file);
        if (!program.getSourceFile(copyPath)) {
          totals.untypedFiles.push({ file: file.path, reason: `not in the program of its ${project.kind} tsconfig` });
          continue;
        }
        const source = fs.readFileSync(copyPath, 'utf8');
        const check = checkSource(source, { extension: file.extension, virtualPath: copyPath, program });
        const typeCheckStarted = performance.now();
        const typeChecks = compareTypeChecks(check, copyPath, typeCheckContext);
        check.milliseconds += performance.now() - typeCheckStarted;
        addToTotals(totals, file.path, check, file.size);
        const typedParseError = check.lint.parseError ?? check.codemods.find((codemod) => codemod.parseError)?.parseError;
        if (typedParseError && parseWithTypeScriptEstree(source, file.extension, copyPath) === undefined) {
          totals.typedOnlyParseFailures.push({ file: file.path, error: `${check.lint.parseError ? 'lint' : check.codemods.filter((codemod) => codemod.parseError).map((codemod) => codemod.codemod).join(', ')}: ${typedParseError}` });
        }
        for (const comparison of typeChecks) {
          if (comparison.error) {
            totals.typeCheck.errors.push({ file: file.path, codemod: comparison.codemod, error: comparison.error });
            continue;
          }
          totals.typeCheck.compared++;
          totals.typeCheck.diagnosticsBefore += comparison.before;
          totals.typeCheck.diagnosticsAfter += comparison.after;
          if (comparison.after > comparison.before) totals.typeCheck.regressions.push({ file: file.path, ...comparison });
        }
        let untyped = untypedResults?.get(file.path);
        if (!untyped && compareUntyped) untyped = checkSource(source, { extension: file.extension, virtualPath: copyPath });
        if (untyped) {
          addToTotals(totals.untypedSameFiles, file.path, untyped, file.size);
          const difference = findingDifference(untyped, check);
          if (difference) totals.findingDifferences.push({ file: file.path, ...difference });
        }
        onFile?.(file, { ...check, typeChecks, project: project.kind, untyped });
      }
    }
  } finally {
    fs.rmSync(prepared.slot, { recursive: true, force: true });
  }
}

/** Per rule and codemod, what typed and untyped saw differently in one file; undefined when nothing. */
function findingDifference(untyped, typed) {
  const rules = {};
  for (const rule of ruleNames) {
    const counts = [untyped.lint.findings[rule] ?? 0, typed.lint.findings[rule] ?? 0];
    if (counts[0] !== counts[1]) rules[rule] = counts;
  }
  const codemods = {};
  for (const codemod of codemodNames) {
    const [before, after] = [untyped, typed].map((result) => result.codemods.find((entry) => entry.codemod === codemod));
    const counts = [before ? before.fixed + before.skipped : 0, after ? after.fixed + after.skipped : 0];
    if (counts[0] !== counts[1] || before?.changed !== after?.changed) codemods[codemod] = { untyped: { changed: before?.changed ?? false, sites: counts[0] }, typed: { changed: after?.changed ?? false, sites: counts[1] } };
  }
  return Object.keys(rules).length + Object.keys(codemods).length > 0 ? { rules, codemods } : undefined;
}

/** The typed counts beside the untyped ones for the same files, and the type-check comparison. */
function formatTypedTotals(totals) {
  const untyped = totals.untypedSameFiles;
  const compare = untyped.files > 0;
  const lines = [];
  lines.push(
    `typed: ${totals.files} files (${(totals.bytes / 1024 / 1024).toFixed(1)} MB) in ${totals.packages} packages, ${totals.packagesWithOwnTsconfig.length} of them with their own tsconfig for ${totals.packagesWithOwnTsconfig.reduce((sum, entry) => sum + entry.files, 0)} files; not typed: ${totals.untypedFiles.length} files`,
  );
  const reasons = new Map();
  for (const { reason } of totals.untypedFiles) reasons.set(reason.split(':')[0], (reasons.get(reason.split(':')[0]) ?? 0) + 1);
  for (const [reason, count] of reasons) lines.push(`  not typed: ${count} files: ${reason}`);
  lines.push(
    `typed lint parse failures: ${totals.lintParseFailures.length}; typed codemod parse failures: ${totals.codemodParseFailures.length}, ${totals.typedOnlyParseFailures.length} of them in files that parse untyped`,
  );
  lines.push(
    `typed crashes: ${totals.crashes.length}; unparsable outputs: ${totals.unparsableOutputs.length}; rewrites rejected by runCodemod: ${totals.rejectedRewrites.length}; non-idempotent outputs: ${totals.nonIdempotentOutputs.length}`,
  );
  lines.push(
    `type-check of changed outputs (checkJs on, noImplicitAny off for JavaScript): ${totals.typeCheck.compared} compared, ${totals.typeCheck.regressions.length} with more errors than their input, ${totals.typeCheck.errors.length} not comparable (errors in total ${totals.typeCheck.diagnosticsBefore} → ${totals.typeCheck.diagnosticsAfter})`,
  );
  for (const rule of Object.keys(totals.findingsPerRule)) {
    const typed = `${totals.findingsPerRule[rule]} findings in ${totals.filesWithFindingsPerRule[rule]} files`;
    lines.push(`  rule ${rule}: typed ${typed}${compare ? `; untyped ${untyped.findingsPerRule[rule]} in ${untyped.filesWithFindingsPerRule[rule]} files` : ''}`);
  }
  for (const [codemod, counts] of Object.entries(totals.perCodemod)) {
    const other = untyped.perCodemod[codemod];
    lines.push(
      `  codemod ${codemod}: typed ${counts.filesChanged} files changed, ${counts.fixed} sites fixed, ${counts.skipped} skipped${compare ? `; untyped ${other.filesChanged} files changed, ${other.fixed} fixed, ${other.skipped} skipped` : ''}`,
    );
  }
  lines.push(
    `typed time: ${(totals.milliseconds / 1000).toFixed(1)} s in files + ${(totals.programMilliseconds / 1000).toFixed(1)} s building programs; slowest: ${totals.slowest
      .slice(0, 3)
      .map((entry) => `${entry.file} ${entry.milliseconds} ms`)
      .join(', ')}`,
  );
  return lines.join('\n');
}

module.exports = {
  GENERATED_TSCONFIG,
  generatedCompilerOptions,
  packageRootOf,
  collectPackages,
  createWorkspace,
  preparePackage,
  buildProgram,
  diagnosticMessages,
  newMessages,
  compareTypeChecks,
  runTypedCorpus,
  formatTypedTotals,
};
