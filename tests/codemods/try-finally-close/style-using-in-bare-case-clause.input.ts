// codemod-options: {"style":"using"}
// codemod-typed-only: only the TypeScript checker knows FileHandle has [Symbol.asyncDispose]
import { open } from 'node:fs/promises';

export async function describeFile(kind: 'text' | 'binary', path: string): Promise<string> {
  switch (kind) {
    case 'text':
      const fh = await open(path);
      const text = await fh.readFile('utf8');
      await fh.close();
      return `${text.split('\n').length} lines`;
    default:
      return 'binary';
  }
}
