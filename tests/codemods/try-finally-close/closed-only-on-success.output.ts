import { open } from 'node:fs/promises';

export interface ServiceConfig {
  readonly port: number;
  readonly upstreams: readonly string[];
}

export async function loadServiceConfig(path: string): Promise<ServiceConfig> {
  const handle = await open(path, 'r');
  try {
    const text = await handle.readFile({ encoding: 'utf8' });
    const config = JSON.parse(text) as ServiceConfig;
    if (!Number.isInteger(config.port)) throw new Error(`${path}: port must be an integer`);
    return config;
  } finally {
    await handle.close();
  }
}
