// codemod-options: {"style":"using"}
// codemod-typed-only: only the TypeScript checker knows FileHandle has [Symbol.asyncDispose]
import { open } from 'node:fs/promises';

export async function describeFile(kind: 'text' | 'binary', path: string): Promise<string> {
  switch (kind) {
    case 'text':
      const fh = await open(path);
      try {
        const text = await fh.readFile('utf8');
        return `${text.split('\n').length} lines`;
      } finally {
        await fh.close();
      }
    default:
      return 'binary';
  }
}
