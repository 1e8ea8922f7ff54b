import path from 'node:path';

/**
 * How a file is named in messages, diffs and reports: relative to the working directory, with `/`
 * on every platform, so reports are stable across machines and `path:line:column` is clickable.
 */
export function displayPath(absolutePath: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, absolutePath) || '.';
  return relative.split(path.sep).join('/');
}
