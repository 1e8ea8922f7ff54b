// Is an incident already collected? Collectors of a new batch ask this before writing a pair, so the same
// fix never lands twice (once in each part). It answers yes/no per query and never prints which part or
// which pair matched: the held-out manifest stays unread by people changing the rules.
//
//   node scripts/accuracy-known-source.mjs <owner/repo or URL fragment>...
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const runner = require('../tests/accuracy/accuracy-runner.cjs');

const sources = runner.PARTS.flatMap((part) => runner.readPairs(runner.partFolder(part)).map((pair) => pair.source.toLowerCase()));
const queries = process.argv.slice(2);
if (queries.length === 0) {
  console.error('usage: node scripts/accuracy-known-source.mjs <owner/repo or URL fragment>...');
  process.exit(2);
}
for (const query of queries) {
  const known = sources.some((source) => source.includes(query.toLowerCase()));
  console.log(`${query}: ${known ? 'already collected' : 'new'}`);
}
