import { describe, expect, it } from 'vitest';
import { lintWithEspree } from './espree-linter';

const lint = (code: string, filename: string) => lintWithEspree('no-leaked-interval', code, filename).map((message) => [message.messageId, message.line]);

describe('no-leaked-interval with espree', () => {
  it('reports an interval a prototype method starts and nothing clears, in CommonJS', () => {
    expect(
      lint(
        `
function Sampler() {}
Sampler.prototype.begin = function () {
  this.timer = setInterval(() => {}, 1000);
};
module.exports = Sampler;`,
        'sampler.cjs',
      ),
    ).toEqual([['neverCleared', 4]]);
  });

  it('accepts a prototype close() that clears the handle through an alias of this', () => {
    expect(
      lint(
        `
function Flusher() {}
Flusher.prototype.begin = function () {
  this._timer = setInterval(() => {}, 1000);
};
function close(flusher) {
  clearInterval(flusher._timer);
}
module.exports = { Flusher, close };`,
        'flusher.cjs',
      ),
    ).toEqual([]);
  });

  it('reports a setTimeout loop from require("timers") started per call', () => {
    expect(
      lint(
        `
const timers = require('node:timers');
exports.follow = function follow(feed) {
  function next() {
    feed.read();
    timers.setTimeout(next, 500);
  }
  next();
};`,
        'follow.cjs',
      ),
    ).toEqual([['rearmedForever', 6]]);
  });

  it('stays quiet on new Promise((resolve) => setTimeout(resolve, ms)), which re-arms nothing', () => {
    expect(lint(`export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));`, 'sleep.mjs')).toEqual([]);
  });

  it('stays quiet on a retry that gives up after a few tries', () => {
    expect(
      lint(
        `
export function waitForLoad(selector, tries = 0) {
  setTimeout(() => {
    if (document.querySelector(selector)) return;
    if (tries < 5) waitForLoad(selector, tries + 1);
  }, 300);
}`,
        'wait.js',
      ),
    ).toEqual([]);
  });

  it('stays quiet on a publishing loop started in the listen callback, which runs once when the server is up', () => {
    expect(
      lint(
        `
const express = require('express');
const app = express();
const publish = () => {
  console.log('tick');
  setTimeout(publish, 200);
};
app.listen(3000, () => {
  publish();
});`,
        'demo.cjs',
      ),
    ).toEqual([]);
  });
});
