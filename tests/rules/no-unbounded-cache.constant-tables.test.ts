import rule from '../../rules/no-unbounded-cache';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Keys read out of a table the program writes (`const RULES = [{ bands: [{ min: '25.4.0.0' }] }]`,
 * walked with `for … of` and `.some(…)`) are code, as literals are: a memo keyed by them holds one
 * entry per row however often it is asked. A table the program adds to (`RULES.push(…)`,
 * `TABLE[key] = …`) holds more than it was written with, and a table built from a request holds what
 * the request sent. Verdicts from syntax, so both modes agree.
 */
const memoOverTable = (table: string, extra = '') => `
type Band = { min: string; max?: string };
type Rule = { id: string; bands: Band[] };
const parsedBounds = new Map<string, number[]>();
function parseBound(version: string): number[] {
  const cached = parsedBounds.get(version);
  if (cached) return cached;
  const parsed = version.split('.').map(Number);
  parsedBounds.set(version, parsed);
  return parsed;
}
export function inBand(version: number[], band: Band): boolean {
  const min = parseBound(band.min);
  return version.every((part, index) => part >= (min[index] ?? 0));
}
${table}
export function matchingRules(version: number[]): string[] {
  const matched: string[] = [];
  for (const rule of RULES) {
    if (rule.bands.some((band) => inBand(version, band))) matched.push(rule.id);
  }
  return matched;
}${extra}`;

const writtenTable = `const RULES: Rule[] = [
  { id: 'lazy-materialization', bands: [{ min: '25.4.0.0', max: '26.4.1.1005' }] },
  { id: 'top-k-through-join', bands: [{ min: '26.5.1.651' }, { min: '26.6.0.0' }] },
];`;

const valid = [
  { name: 'a memo keyed by the version bounds of a module constant table', code: memoOverTable(writtenTable) },
  {
    name: 'a table of objects spread from another constant',
    code: memoOverTable(`const BASE = [{ id: 'base', bands: [{ min: '24.1.0.0' }] }];
const RULES: Rule[] = [...BASE, { id: 'extra', bands: [{ min: '25.1.0.0' }] }];`),
  },
];

const invalid = [
  {
    name: 'a table a route handler adds to holds what requests send',
    code: memoOverTable(
      writtenTable,
      `
import express from 'express';
const app = express();
app.post('/rules', (req, res) => {
  RULES.push(req.body as Rule);
  res.json(matchingRules([26, 5, 2, 0]));
});
export default app;`,
    ),
    // The table itself grows with every request too.
    errors: [
      { messageId: 'unboundedCache' as const, line: 4 },
      { messageId: 'unboundedCache' as const, line: 16 },
    ],
  },
  {
    name: 'a table built per request from its body',
    code: `
import express from 'express';
const parsedBounds = new Map<string, number[]>();
function parseBound(version: string): number[] {
  const cached = parsedBounds.get(version);
  if (cached) return cached;
  const parsed = version.split('.').map(Number);
  parsedBounds.set(version, parsed);
  return parsed;
}
const app = express();
app.post('/check', (req, res) => {
  const bands = [{ min: String(req.body.min) }];
  for (const band of bands) parseBound(band.min);
  res.end();
});
export default app;`,
    errors: [{ messageId: 'unboundedCache' as const, line: 3 }],
  },
];

typedRuleTester().run('no-unbounded-cache (keys read from constant tables, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-unbounded-cache (keys read from constant tables, untyped)', rule, { valid, invalid });
