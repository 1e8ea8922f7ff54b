import { parentPort } from 'node:worker_threads';
import { crash, transformFile, type FileTransform, type FileTransformRequest } from './file-transform';

// Entry point of a worker thread of the `fix` pool (loaded from dist/ by path, see transform-runner).
const port = parentPort;
if (!port) throw new Error('transform-worker runs inside a worker thread of `leakguard fix`');

port.on('message', (request: FileTransformRequest) => {
  const transform = transformFile(request);
  try {
    port.postMessage(transform);
  } catch (error) {
    // An outcome the structured clone cannot copy is a bug in a codemod: fail this file, not the run.
    const failed: FileTransform = { ...transform, output: undefined, steps: [], failure: crash(undefined, error) };
    port.postMessage(failed);
  }
});
