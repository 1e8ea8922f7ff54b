import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Calls an API is specified never to throw are no way out between an acquisition and its `try`:
 * OpenTelemetry's specification requires every API method to swallow its own failures (a span's
 * `setAttribute`, `spanContext()`, `end()`; a histogram's `record`), and the standard library's
 * Map/Set/array writes fail only on programming errors. Only the checker can tell that the receiver
 * is one of them, so without types the same code keeps its throw point. A call that passes a
 * callback runs user code (`context.with(ctx, fn)`), and a project's own `record()` is not the API's
 * (unless its receiver is named for metrics: require-close.metric-recordings).
 */

/** The suggested fix: the statement that can throw moves to the top of the `try` that already releases. */
function movedIntoTry(code: string, line: number): string {
  const lines = code.split('\n');
  const [moved] = lines.splice(line - 1, 1);
  const tryLine = lines.findIndex((text, index) => index >= line - 1 && text.trim() === 'try {');
  lines.splice(tryLine + 1, 0, `  ${moved}`);
  return lines.join('\n');
}

function throwPoint(code: string, acquisitionLine: number, throwerLine = acquisitionLine + 1) {
  return { code, errors: [{ messageId: 'releasedOnlyOnSuccess' as const, line: acquisitionLine, suggestions: [{ messageId: 'moveIntoTry' as const, output: movedIntoTry(code, throwerLine) }] }] };
}

const spanAttributes = `
import { open } from 'node:fs/promises';
import type { Span } from '@opentelemetry/api';
export async function readTraced(path: string, span: Span): Promise<string> {
  const fh = await open(path);
  span.setAttribute('file.path', path);
  try {
    return await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
}`;

const mapWrite = `
import { open } from 'node:fs/promises';
export async function readAll(paths: string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const openedAt = new Map<string, number>();
  for (const path of paths) {
    const fh = await open(path);
    openedAt.set(path, Date.now());
    try {
      texts.set(path, await fh.readFile('utf8'));
    } finally {
      await fh.close();
    }
  }
  return texts;
}`;

const histogramRecord = `
import { open } from 'node:fs/promises';
import { metrics } from '@opentelemetry/api';
const opened = metrics.getMeter('reader').createHistogram('open_ms');
export async function readTimed(path: string): Promise<string> {
  const started = Date.now();
  const fh = await open(path);
  opened.record(Date.now() - started, { kind: 'file' });
  try {
    return await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
}`;

const typedValid = [
  { name: 'span attributes set between opening and the try (OpenTelemetry API never throws)', code: spanAttributes },
  { name: 'a Map write between opening and the try', code: mapWrite },
  { name: 'an OpenTelemetry histogram record between opening and the try', code: histogramRecord },
];

const invalidBothModes = [
  {
    name: 'an OpenTelemetry call that runs a callback runs user code that can throw',
    ...throwPoint(
      `
import { open } from 'node:fs/promises';
import { context } from '@opentelemetry/api';
export async function readInContext(path: string, check: () => void): Promise<string> {
  const fh = await open(path);
  context.with(context.active(), check);
  try {
    return await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
}`,
      5,
    ),
  },
  {
    // A receiver named for metrics would be a recording by name (require-close.metric-recordings).
    name: "a project's own record() is no OpenTelemetry instrument",
    ...throwPoint(
      `
import { open } from 'node:fs/promises';
interface Ledger { record(value: number): void }
export async function readTimed(path: string, ledger: Ledger): Promise<string> {
  const started = Date.now();
  const fh = await open(path);
  ledger.record(Date.now() - started);
  try {
    return await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
}`,
      6,
    ),
  },
  {
    name: "a Map's forEach runs a callback",
    ...throwPoint(
      `
import { open } from 'node:fs/promises';
export async function readAfter(path: string, hooks: Map<string, () => void>): Promise<string> {
  const fh = await open(path);
  hooks.forEach((hook) => hook());
  try {
    return await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
}`,
      4,
    ),
  },
];

typedRuleTester().run('require-close (calls specified never to throw, typed)', rule, { valid: typedValid, invalid: invalidBothModes });
untypedRuleTester().run('require-close (calls specified never to throw, untyped: the receiver is unknown)', rule, {
  valid: [],
  invalid: [
    ...invalidBothModes,
    { name: 'span attributes without types', ...throwPoint(spanAttributes, 5) },
    { name: 'a Map write without types', ...throwPoint(mapWrite, 7, 8) },
    { name: 'a histogram record without types', ...throwPoint(histogramRecord, 7, 8) },
  ],
});
