import * as chokidar from 'chokidar';
import { EventEmitter } from 'node:events';

// podman-desktop's file-system watcher: dispose() ends the emitter, not the chokidar watcher.
export class FileSystemWatcherImpl {
    watcher: chokidar.FSWatcher | undefined;
    private readonly events = new EventEmitter();

    constructor(path: string) {
        this.doWatch(path);
    }

    doWatch(path: string): void {
        this.watcher = chokidar.watch(path, { persistent: true });
        this.watcher.on('add', (added: string) => this.events.emit('create', added));
    }

    onDidCreate(listener: (path: string) => void): void {
        this.events.on('create', listener);
    }

    dispose(): void {
        this.events.removeAllListeners();
        this.watcher?.close().catch(() => undefined);
    }
}
