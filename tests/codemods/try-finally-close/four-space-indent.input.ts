import { open } from 'node:fs/promises';

export class SnapshotStore {
    constructor(private readonly directory: string) {}

    async write(name: string, snapshot: unknown): Promise<void> {
        const file = await open(`${this.directory}/${name}.json`, 'w');
        await file.writeFile(JSON.stringify(snapshot, null, 2));
        await file.sync();
        await file.close();
    }
}
