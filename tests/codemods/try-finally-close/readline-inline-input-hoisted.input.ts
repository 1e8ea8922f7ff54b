import fs from 'node:fs';
import readline from 'node:readline';

export async function firstLine(path: string): Promise<string | undefined> {
  const rl = readline.createInterface({ input: fs.createReadStream(path), crlfDelay: Infinity });
  try {
    for await (const line of rl) {
      return line;
    }
    return undefined;
  } finally {
    rl.close();
  }
}
