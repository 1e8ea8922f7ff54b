import { open } from 'node:fs/promises';

export class ConfigLoader {
    async load(path: string): Promise<unknown> {
        const fh = await open(path);
        try {
            const text = await fh.readFile('utf8');
            const config: unknown = JSON.parse(text);
            return config;
        } finally {
            await fh.close();
        }
    }
}
