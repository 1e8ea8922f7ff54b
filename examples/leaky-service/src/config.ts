import { open } from 'node:fs/promises';

export interface ServiceConfig {
  readonly port: number;
  readonly databasePasswordFile: string;
  readonly accessLogFile: string;
  readonly serviceLogFile: string;
}

/**
 * Called at start-up and again on every SIGHUP.
 *
 * LEAK (require-close: released only on success): a typo in config.json makes `JSON.parse` throw
 * after `open`, so `close()` never runs. Each bad edit followed by a reload costs one descriptor
 * until the garbage collector happens to finalize the handle.
 */
export async function loadConfig(path: string): Promise<ServiceConfig> {
  const fh = await open(path, 'r');
  const text = await fh.readFile({ encoding: 'utf8' });
  const config = JSON.parse(text) as ServiceConfig;
  await fh.close();
  return config;
}

/** OK: the read can fail (EISDIR, EIO), and `finally` closes the handle either way. */
export async function readSecret(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const secret = await fh.readFile({ encoding: 'utf8' });
    return secret.trim();
  } finally {
    await fh.close();
  }
}
