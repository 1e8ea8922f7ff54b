import path from 'node:path';
import type { Catalog } from '../descriptors/catalog';
import type { FileTransform, FileTransformRequest } from './file-transform';
import { WorkerPool } from './worker-pool';

/** Transforms files in worker threads, or in this thread for one worker. */
export interface TransformRunner {
  transform(request: FileTransformRequest): Promise<FileTransform>;
  close(): Promise<void>;
}

/** A worker thread needs compiled JavaScript: the CLI runs from dist/, where this file sits beside it. */
const workerScript = path.join(__dirname, 'transform-worker.js');

/**
 * Worker threads load the catalog's compiled `workerModule` (they cannot be handed functions); a
 * catalog without one (a test's own) is run in this thread.
 */
export function createTransformRunner(workers: number, catalog: Catalog): TransformRunner {
  if (workers <= 1 || catalog.workerModule === undefined) return inThisThread(catalog);
  const pool = new WorkerPool<FileTransformRequest, FileTransform>(workerScript, workers, (request, error) => ({
    filePath: request.filePath,
    typed: false,
    source: '',
    output: undefined,
    steps: [],
    failure: { kind: 'crash', message: `the worker thread died: ${error.message}` },
  }), { catalogModule: catalog.workerModule } satisfies TransformWorkerData);
  pool.start();
  return { transform: (request) => pool.run(request), close: () => pool.close() };
}

/** What a worker thread is started with: where to load the codemods from. */
export interface TransformWorkerData {
  readonly catalogModule: string;
}

const inThisThread = (catalog: Catalog): TransformRunner => ({
  // Loaded here, not at the top: with worker threads the main thread never needs the engine and
  // TypeScript (most of the start-up time). Awaiting also yields to the event loop between files,
  // so progress redraws and Ctrl-C are handled.
  transform: async (request) => (await import('./file-transform.js')).transformFile(request, catalog.codemods),
  close: async () => {},
});
