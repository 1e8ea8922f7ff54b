import path from 'node:path';

/** The extensions the codemods parse; the parser is chosen per extension (JSX for .tsx/.jsx/.js). */
export const sourceExtensions: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

// `.d.ts`, `.d.mts`, `.d.cts` and TypeScript 5's `.d.<ext>.ts` declare types only: nothing to release.
const declarationFile = /\.d(\.[^./\\]+)?\.[cm]?ts$/;

export function isTransformableSource(filePath: string): boolean {
  const name = path.basename(filePath);
  return sourceExtensions.includes(path.extname(name)) && !declarationFile.test(name);
}
