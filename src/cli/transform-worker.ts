import { parentPort, workerData } from 'node:worker_threads';
import type { Catalog } from '../descriptors/catalog';
import { crash, transformFile, type FileTransform, type FileTransformRequest } from './file-transform';
import type { TransformWorkerData } from './transform-runner';

// Entry point of a worker thread of the `fix` pool (loaded from dist/ by path, see transform-runner).
const port = parentPort;
if (!port) throw new Error('transform-worker runs inside a worker thread of `leakguard fix`');

// The catalog's compiled module (see Catalog.workerModule): its `workerCatalog` export.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time
const { workerCatalog } = require((workerData as TransformWorkerData).catalogModule) as { workerCatalog: Catalog };

port.on('message', (request: FileTransformRequest) => {
  const transform = transformFile(request, workerCatalog.codemods);
  try {
    port.postMessage(transform);
  } catch (error) {
    // An outcome the structured clone cannot copy is a bug in a codemod: fail this file, not the run.
    const failed: FileTransform = { ...transform, output: undefined, steps: [], failure: crash(undefined, error) };
    port.postMessage(failed);
  }
});
