import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * `.pipe()` unpipes its source when the destination fails and leaves it paused and open. Code that
 * listens for the destination's 'error' knows it can fail; a listener that leaves the source alone
 * leaks it (its file descriptor or socket) on every failure.
 */
const valid = [
  {
    name: "the destination's error listener destroys the source",
    code: `
import fs from 'node:fs';
import zlib from 'node:zlib';
export function inflate(path: string, done: (error: Error | null) => void): void {
  const source = fs.createReadStream(path);
  source
    .pipe(zlib.createGunzip())
    .on('error', (error) => {
      source.destroy();
      done(error);
    })
    .on('end', () => done(null));
}`,
  },
  {
    name: 'pipeline() closes every stream when one fails',
    code: `
import fs from 'node:fs';
import zlib from 'node:zlib';
import { pipeline } from 'node:stream';
export function inflate(path: string, target: string, done: (error: Error | null) => void): void {
  pipeline(fs.createReadStream(path), zlib.createGunzip(), fs.createWriteStream(target), (error) => done(error ?? null));
}`,
  },
  {
    name: 'no error listener on the destination: a failure is an uncaught error, not this leak',
    code: `
import fs from 'node:fs';
import zlib from 'node:zlib';
export function inflate(path: string, done: () => void): void {
  fs.createReadStream(path).pipe(zlib.createGunzip()).on('end', done);
}`,
  },
  {
    name: "the source's local is used elsewhere too (it may be destroyed there)",
    code: `
import fs from 'node:fs';
import zlib from 'node:zlib';
export function inflate(path: string, signal: AbortSignal, done: (error: Error | null) => void): void {
  const source = fs.createReadStream(path);
  signal.addEventListener('abort', () => source.destroy());
  source.pipe(zlib.createGunzip()).on('error', (error) => done(error));
}`,
  },
];

const invalid = [
  {
    name: 'an inline file stream piped into a parser whose error listener only reports (brackets)',
    code: `
import fs from 'node:fs';
import zlib from 'node:zlib';
export function validate(path: string, callback: (error: Error | null, valid: boolean) => void): void {
  fs.createReadStream(path)
    .pipe(zlib.createGunzip())
    .on('error', () => callback(null, false))
    .on('end', () => callback(null, true));
}`,
    errors: [
      {
        messageId: 'pipedIntoFailingDestination' as const,
        line: 5,
        data: { resource: 'file stream', destination: 'zlib.createGunzip()', line: '7' },
        suggestions: [
          {
            messageId: 'destroyInErrorListener' as const,
            output: `
import fs from 'node:fs';
import zlib from 'node:zlib';
export function validate(path: string, callback: (error: Error | null, valid: boolean) => void): void {
  const stream = fs.createReadStream(path);
  stream
    .pipe(zlib.createGunzip())
    .on('error', () => { stream.destroy(); callback(null, false); })
    .on('end', () => callback(null, true));
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a local source used only for the pipe',
    code: `
import fs from 'node:fs';
import zlib from 'node:zlib';
export function inflate(path: string, done: (error: Error | null) => void): void {
  const source = fs.createReadStream(path);
  source
    .pipe(zlib.createGunzip())
    .on('error', (error) => done(error))
    .on('end', () => done(null));
}`,
    errors: [
      {
        messageId: 'pipedIntoFailingDestination' as const,
        line: 5,
        data: { resource: 'file stream', destination: 'zlib.createGunzip()', line: '8' },
        suggestions: [
          {
            messageId: 'destroyInErrorListener' as const,
            output: `
import fs from 'node:fs';
import zlib from 'node:zlib';
export function inflate(path: string, done: (error: Error | null) => void): void {
  const source = fs.createReadStream(path);
  source
    .pipe(zlib.createGunzip())
    .on('error', (error) => { source.destroy(); done(error); })
    .on('end', () => done(null));
}`,
          },
        ],
      },
    ],
  },
];

typedRuleTester().run('require-close (sources a failing destination abandons, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (sources a failing destination abandons, untyped)', rule, { valid, invalid });

/** fs-extra and graceful-fs re-export Node's fs: their streams are the same handles. */
untypedRuleTester().run('require-close (fs drop-ins, untyped)', rule, {
  valid: [
    {
      name: "fs-extra's removeSync in a finally releases a temporary directory",
      code: `
const fse = require('fs-extra');
const os = require('os');
const path = require('path');
function build(run) {
  const dir = fse.mkdtempSync(path.join(os.tmpdir(), 'build-'));
  try {
    run(dir);
  } finally {
    fse.removeSync(dir);
  }
}
module.exports = { build };`,
    },
  ],
  invalid: [
    {
      name: "fs-extra's temporary directory removed only when the build succeeds",
      code: `
const fse = require('fs-extra');
const os = require('os');
const path = require('path');
function build(run) {
  const dir = fse.mkdtempSync(path.join(os.tmpdir(), 'build-'));
  run(dir);
  fse.removeSync(dir);
}
module.exports = { build };`,
      errors: [
        {
          messageId: 'releasedOnlyOnSuccess' as const,
          line: 6,
          suggestions: [
            {
              messageId: 'wrapInTryFinally' as const,
              output: `
const fse = require('fs-extra');
const os = require('os');
const path = require('path');
function build(run) {
  const dir = fse.mkdtempSync(path.join(os.tmpdir(), 'build-'));
  try {
    run(dir);
  } finally {
    fse.removeSync(dir);
  }
}
module.exports = { build };`,
            },
          ],
        },
      ],
    },
    {
      name: 'fs-extra read stream piped into a parser whose error listener only reports',
      code: `
const fs = require('fs-extra');
const unzip = require('unzip');
function validatePackage(zipPath, callback) {
  fs.createReadStream(zipPath)
    .pipe(unzip.Parse())
    .on('error', function () { callback(null, { errors: ['invalid zip'] }); })
    .on('end', function () { callback(null, { errors: [] }); });
}
exports.validatePackage = validatePackage;`,
      errors: [
        {
          messageId: 'pipedIntoFailingDestination' as const,
          line: 5,
          suggestions: [
            {
              messageId: 'destroyInErrorListener' as const,
              output: `
const fs = require('fs-extra');
const unzip = require('unzip');
function validatePackage(zipPath, callback) {
  const stream = fs.createReadStream(zipPath);
  stream
    .pipe(unzip.Parse())
    .on('error', function () { stream.destroy(); callback(null, { errors: ['invalid zip'] }); })
    .on('end', function () { callback(null, { errors: [] }); });
}
exports.validatePackage = validatePackage;`,
            },
          ],
        },
      ],
    },
  ],
});
