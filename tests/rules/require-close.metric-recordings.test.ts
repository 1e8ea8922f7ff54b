import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Recording a measurement between an acquisition and its `try` is no way out: metrics clients
 * (OpenTelemetry, prom-client, StatsD/DogStatsD, a project's facade over them) are written for hot
 * paths and report their own failures rather than throw, as loggers do. Known by name, like loggers:
 * a recording method (`record`, `inc`, `observe`, `timing` …) on a receiver named for metrics or an
 * instrument, or on an instrument fetched from one (`metrics.getHistogram('x').record(ms)`). Both
 * modes agree. Other methods of a metrics client (`flush()` sends over the network) and recordings on
 * other receivers (`ledger.record(…)` may write a row) stay throw points.
 */

function acquireThenMeasure(measurement: string): string {
  return `
import pg from 'pg';
const pool = new pg.Pool();
export async function countUsers(): Promise<number> {
  const started = Date.now();
  const client = await pool.connect();
  ${measurement};
  try {
    const result = await client.query('select count(*) from users');
    return Number(result.rows[0].count);
  } finally {
    client.release();
  }
}`;
}

/** growthbook's stats engine: a server checked out of a pool, the wait recorded, then the try. */
const checkoutTimed = `
import { open } from 'node:fs/promises';
declare const metrics: { getHistogram(name: string): { record(value: number): void } };
export async function readTimed(path: string): Promise<string> {
  const acquireStart = Date.now();
  const fh = await open(path);
  metrics
    .getHistogram('file_open_ms')
    .record(Date.now() - acquireStart);
  try {
    return await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
}`;

const valid = [
  { name: 'an instrument fetched from a metrics facade records the wait (growthbook stats pool)', code: checkoutTimed },
  { name: 'a prom-client counter incremented', code: acquireThenMeasure('checkoutsCounter.inc()') },
  { name: 'a histogram observes the wait', code: acquireThenMeasure('waitHistogram.observe(Date.now() - started)') },
  { name: 'a StatsD timing', code: acquireThenMeasure("statsd.timing('pool.checkout', Date.now() - started)") },
  { name: "a service's metrics field increments", code: acquireThenMeasure("this.metrics.increment('pool.checkout')").replace('export async function countUsers(): Promise<number> {', 'export async function countUsers(this: { metrics: { increment(name: string): void } }): Promise<number> {') },
  { name: 'an OpenTelemetry meter counter added to', code: acquireThenMeasure("meter.createCounter('checkouts').add(1)") },
];

/** The suggested fix: the statement that can throw moves to the top of the `try`. */
function throwPoint(measurement: string) {
  const code = acquireThenMeasure(measurement);
  const output = code.replace(`  ${measurement};\n  try {\n`, `  try {\n    ${measurement};\n`);
  return { code, errors: [{ messageId: 'releasedOnlyOnSuccess' as const, line: 6, suggestions: [{ messageId: 'moveIntoTry' as const, output }] }] };
}

const invalid = [
  { name: 'a metrics client flushed: a network send, not a recording', ...throwPoint('metrics.flush()') },
  { name: 'a ledger records a row: not an instrument', ...throwPoint("ledger.record('checkout')") },
  { name: 'a recording method of a receiver fetched by a call with arguments that is no instrument accessor', ...throwPoint("registry.lookup('checkouts').inc()") },
];

typedRuleTester().run('require-close (metric recordings, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (metric recordings, untyped)', rule, { valid, invalid });
