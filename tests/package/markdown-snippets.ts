/**
 * The fenced blocks of the user-facing Markdown (README.md and the top-level docs/*.md; docs/rules and
 * docs/codemods have their own test), each with what the snippet tests must do with it.
 *
 * A block is run unless an HTML comment right above its fence (blank lines allowed in between) says
 * otherwise; the comment is invisible on GitHub and npm:
 *
 * - `<!-- snippet: not-run (why) -->` — not run here; the reason is required (CI YAML, `npm install`,
 *   this repository's own commands).
 * - `<!-- snippet: run typed -->`, `<!-- snippet: run untyped -->` — required on an ESLint config
 *   block (```js starting with `// <file>.mjs`): the scratch project is linted with it, and its
 *   typed-only leak must be reported (typed) or must not be (untyped). Add `baseline` to make it the
 *   config that every command block runs with.
 * - `<!-- snippet: file <path> -->` — required on a ```ts block: it becomes that source file of the
 *   scratch project, which every lint and every codemod run sees.
 * - `<!-- snippet: run staged -->` — a command block that needs a staged change (`git diff --cached`).
 *
 * Without a comment: ```sh blocks run line by line; ```json/```jsonc blocks run their `lint-staged`
 * command lines, or are validated against docs/report-schema.json when they are a report; blocks
 * without a language are output samples and must not hold commands. Anything else must carry a comment.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type SnippetKind = 'not-run' | 'config' | 'source' | 'commands' | 'lint-staged' | 'report' | 'output';

export interface Snippet {
  /** Repository-relative Markdown file. */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly lang: string;
  readonly code: string;
  readonly kind: SnippetKind;
  /** not-run: why. */
  readonly reason?: string;
  /** config: the file name from its first line. source: the path from the marker. */
  readonly target?: string;
  /** config: whether the typed-only leak must be reported. */
  readonly typed?: boolean;
  /** config: the scratch project's committed config of that name. */
  readonly baseline?: boolean;
  /** commands: stage a change before running. */
  readonly staged?: boolean;
}

export class SnippetError extends Error {}

const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/;
const MARKER = /^\s*<!--\s*snippet:\s*(.*?)\s*-->\s*$/;
const CONFIG_HEADER = /^\/\/ (eslint(?:\.[\w-]+)?\.config\.mjs)\s*$/;

/** README.md and docs/*.md (not docs/rules, docs/codemods), repository-relative. */
export function userMarkdownFiles(repoRoot: string): string[] {
  const docs = readdirSync(path.join(repoRoot, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => `docs/${file}`);
  return ['README.md', ...docs];
}

function classify(file: string, line: number, lang: string, code: string, marker: string | undefined): Snippet {
  const where = `${file}:${line}`;
  const base = { file, line, lang, code };
  if (marker !== undefined) {
    const notRun = /^not-run\s*\((.+)\)$/.exec(marker);
    if (notRun) return { ...base, kind: 'not-run', reason: notRun[1]?.trim() };
    if (marker.startsWith('not-run')) throw new SnippetError(`${where}: \`not-run\` needs a reason in parentheses`);
    const fileMarker = /^file\s+(\S+)$/.exec(marker);
    if (fileMarker) {
      if (lang !== 'ts') throw new SnippetError(`${where}: \`file\` is for ts blocks`);
      return { ...base, kind: 'source', target: fileMarker[1] };
    }
    const words = marker.split(/\s+/);
    if (words[0] !== 'run') throw new SnippetError(`${where}: unknown snippet marker "${marker}"`);
    const flags = new Set(words.slice(1));
    for (const flag of flags) {
      if (!['typed', 'untyped', 'baseline', 'staged'].includes(flag)) throw new SnippetError(`${where}: unknown flag "${flag}"`);
    }
    if (lang === 'js') {
      const header = CONFIG_HEADER.exec(code.split('\n')[0] ?? '');
      if (!header) throw new SnippetError(`${where}: a config block starts with \`// eslint.config.mjs\` (or another eslint.*.config.mjs)`);
      if (flags.has('typed') === flags.has('untyped')) throw new SnippetError(`${where}: say \`run typed\` or \`run untyped\``);
      return { ...base, kind: 'config', target: header[1], typed: flags.has('typed'), baseline: flags.has('baseline') };
    }
    if (['sh', 'bash', 'shell'].includes(lang)) return { ...base, kind: 'commands', staged: flags.has('staged') };
    throw new SnippetError(`${where}: \`run\` is for js and sh blocks`);
  }
  switch (lang) {
    case 'sh':
    case 'bash':
    case 'shell':
      return { ...base, kind: 'commands', staged: false };
    case 'json':
    case 'jsonc':
      if (code.includes('"lint-staged"')) return { ...base, kind: 'lint-staged' };
      if (code.includes('"schemaVersion"')) return { ...base, kind: 'report' };
      throw new SnippetError(`${where}: a json block is a lint-staged config or a report; mark anything else`);
    case '':
    case 'text':
      if (code.split('\n').some((text) => /^\s*(\$ |npx |npm |node )/.test(text))) {
        throw new SnippetError(`${where}: commands belong in an sh block (run or marked not-run), not in an output sample`);
      }
      return { ...base, kind: 'output' };
    case 'js':
      throw new SnippetError(`${where}: a js block needs \`<!-- snippet: run typed|untyped -->\` or \`not-run (why)\``);
    case 'ts':
      throw new SnippetError(`${where}: a ts block needs \`<!-- snippet: file <path> -->\` or \`not-run (why)\``);
    default:
      throw new SnippetError(`${where}: a ${lang} block needs \`<!-- snippet: not-run (why) -->\``);
  }
}

export interface ExtractedSnippets {
  readonly snippets: Snippet[];
  /** Blocks that could not be placed, as `file:line: why`. */
  readonly problems: string[];
}

/** Every fenced block of one Markdown text, classified. */
export function extractSnippets(file: string, markdown: string): ExtractedSnippets {
  const lines = markdown.split(/\r?\n/);
  const snippets: Snippet[] = [];
  const problems: string[] = [];
  let pendingMarker: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index] ?? '';
    const markerMatch = MARKER.exec(text);
    if (markerMatch) {
      pendingMarker = markerMatch[1];
      continue;
    }
    const fence = FENCE.exec(text);
    if (!fence) {
      if (text.trim() !== '') pendingMarker = undefined;
      continue;
    }
    const marker = pendingMarker;
    const indent = fence[1]?.length ?? 0;
    const ticks = fence[2] ?? '```';
    const lang = (fence[3] ?? '').trim().split(/\s+/)[0] ?? '';
    const body: string[] = [];
    let closed = false;
    for (index++; index < lines.length; index++) {
      const inner = lines[index] ?? '';
      if (inner.trim().startsWith(ticks) && /^[`~]+$/.test(inner.trim())) {
        closed = true;
        break;
      }
      body.push(inner.slice(Math.min(indent, inner.length - inner.trimStart().length)));
    }
    const line = index - body.length;
    pendingMarker = undefined;
    if (!closed) {
      problems.push(`${file}:${line}: unclosed fence`);
      break;
    }
    try {
      snippets.push(classify(file, line, lang, `${body.join('\n')}\n`, marker));
    } catch (error) {
      if (!(error instanceof SnippetError)) throw error;
      problems.push(error.message);
    }
  }
  return { snippets, problems };
}

export function userSnippets(repoRoot: string): ExtractedSnippets {
  const all = userMarkdownFiles(repoRoot).map((file) => extractSnippets(file, readFileSync(path.join(repoRoot, file), 'utf8')));
  return { snippets: all.flatMap((one) => one.snippets), problems: all.flatMap((one) => one.problems) };
}

/** The command lines of an sh block: comments and blank lines dropped, `\` continuations joined. */
export function commandLines(code: string): string[] {
  const joined = code.replace(/\\\n\s*/g, ' ');
  return joined
    .split('\n')
    .map((text) => text.trim())
    .filter((text) => text !== '' && !text.startsWith('#'));
}

/** The command lines of a lint-staged block: `{ "<glob>": "<command>" | ["<command>", …] }` (jsonc, or a fragment of package.json). */
export function lintStagedCommands(code: string): Array<{ glob: string; command: string }> {
  const json = code
    .split('\n')
    .filter((text) => !text.trim().startsWith('//'))
    .join('\n')
    .trim();
  const parsed = JSON.parse(json.startsWith('{') ? json : `{${json}}`) as { 'lint-staged'?: Record<string, string | string[]> };
  const config = parsed['lint-staged'];
  if (!config) throw new SnippetError('no "lint-staged" key');
  return Object.entries(config).flatMap(([glob, commands]) => (Array.isArray(commands) ? commands : [commands]).map((command) => ({ glob, command })));
}
