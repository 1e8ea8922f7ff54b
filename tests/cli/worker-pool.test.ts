import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/cli/worker-pool';
import { removeTemporaryDirectories, temporaryDirectory } from './cli-harness';

afterAll(removeTemporaryDirectories);

// Stands in for transform-worker.js: answers in upper case, or dies the ways a transform can.
const workerScript = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (request) => {
  if (request === 'exit') process.exit(3);
  if (request === 'throw') setImmediate(() => { throw new Error('boom'); });
  else parentPort.postMessage(request.toUpperCase());
});
`;

describe('WorkerPool', () => {
  it('answers every request, replacing workers that die, and fails only the request that killed one', async () => {
    const script = path.join(temporaryDirectory(), 'worker.js');
    fs.writeFileSync(script, workerScript);
    const pool = new WorkerPool<string, string>(script, 2, (request, error) => `${request} died: ${error.message}`);
    try {
      const answers = await Promise.all(['a', 'throw', 'b', 'exit', 'c', 'd', 'e'].map((request) => pool.run(request)));
      expect(answers).toEqual(['A', 'throw died: boom', 'B', 'exit died: worker thread exited with code 3', 'C', 'D', 'E']);
    } finally {
      await pool.close();
    }
  });

  it('fails each request once when the worker cannot even start', async () => {
    const pool = new WorkerPool<string, string>(path.join(temporaryDirectory(), 'missing.js'), 2, (request) => `${request} failed`);
    try {
      expect(await Promise.all(['a', 'b', 'c'].map((request) => pool.run(request)))).toEqual(['a failed', 'b failed', 'c failed']);
    } finally {
      await pool.close();
    }
  });
});
