import { open } from 'node:fs/promises';

export async function readManifest(path: string): Promise<{ name: string; files: string[] }> {
  const fh = await open(path);
  try {
    const data = await fh.readFile('utf8');
    const manifest = JSON.parse(data) as { name: string; files?: string[] };
    return { name: manifest.name, files: manifest.files ?? [] };
  } finally {
    await fh.close();
  }
}
