import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Read at run time so the compiled package and the sources report the same version. */
function readVersion(): string {
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(__dirname, candidate), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'eslint-plugin-leakguard' && manifest.version) return manifest.version;
    } catch {
      // try the next layout: sources (src/) or compiled (dist/src/)
    }
  }
  return '0.0.0';
}

export const version = readVersion();
