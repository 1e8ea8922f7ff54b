import path from 'node:path';
import ts from 'typescript';

/**
 * A compiler host whose files from TypeScript's lib folder and from node_modules (declaration files,
 * and the JavaScript of untyped packages under allowJs) are parsed and bound once per process, and
 * shared by every program built with it: the programs of a monorepo's tsconfigs, or of the tests'
 * fixture folders, all read the same lib.*.d.ts and @types/node, a second or more of CPU each. Those
 * files do not change during a run. Shared only between programs whose options parse and bind a
 * file the same way (TypeScript's language service shares them the same way, keyed the same way).
 */

// One entry per lib and node_modules file and parse settings: bounded by the install.
// eslint-disable-next-line leakguard/no-unbounded-cache -- keyed by installed declaration files, kept on purpose
const sharedSourceFiles = new Map<string, ts.SourceFile>();

/** TypeScript's own list of the options that shape a parse or a bind (internal, hence the fallback). */
const parseAffectingOptions: readonly string[] | undefined = (ts as unknown as { sourceFileAffectingCompilerOptions?: readonly { name: string }[] }).sourceFileAffectingCompilerOptions?.map(
  (option) => option.name,
);

const libFolder = `${path.dirname(ts.getDefaultLibFilePath({})).split(path.sep).join('/')}/`;

function isShared(fileName: string): boolean {
  const normalized = path.resolve(fileName).split(path.sep).join('/');
  return normalized.startsWith(libFolder) || normalized.includes('/node_modules/');
}

function settingsKey(options: ts.CompilerOptions, setParentNodes: boolean | undefined): string {
  const shaping = parseAffectingOptions ? parseAffectingOptions.map((name) => options[name] ?? null) : options;
  return JSON.stringify([shaping, setParentNodes ?? false]);
}

/** `ts.createCompilerHost(options, setParentNodes)`, sharing the files described above. */
export function sharingCompilerHost(options: ts.CompilerOptions, setParentNodes?: boolean): ts.CompilerHost {
  const host = ts.createCompilerHost(options, setParentNodes);
  const settings = settingsKey(options, setParentNodes);
  const fromDisk = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    if (shouldCreateNewSourceFile || !isShared(fileName)) return fromDisk(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    const version = typeof languageVersionOrOptions === 'object' ? languageVersionOrOptions : { languageVersion: languageVersionOrOptions };
    const key = `${settings}|${version.languageVersion}|${version.impliedNodeFormat}|${version.jsDocParsingMode}|${path.resolve(fileName)}`;
    const cached = sharedSourceFiles.get(key);
    if (cached) return cached;
    const sourceFile = fromDisk(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    if (sourceFile) sharedSourceFiles.set(key, sourceFile);
    return sourceFile;
  };
  return host;
}
