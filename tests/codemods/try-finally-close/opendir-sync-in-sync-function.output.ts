import fs from 'node:fs';

export function listMigrations(directory: string): string[] {
  const dir = fs.opendirSync(directory);
  try {
    const names: string[] = [];
    for (let entry = dir.readSync(); entry !== null; entry = dir.readSync()) {
      if (entry.isFile() && entry.name.endsWith('.sql')) names.push(entry.name);
    }
    return names.sort();
  } finally {
    dir.closeSync();
  }
}
