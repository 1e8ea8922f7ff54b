// Measures how well the three leakguard rules and their codemods do on real leak fixes
// (tests/accuracy/fixtures): recall on the code before each fix, quiet on the code after it, and the
// share of the before-file sites the paired codemod fixes. Typed (one TypeScript program per part)
// and untyped (the pre-commit preset). The development part is shown per file; the held-out part
// only as totals. Runs the built dist/ (`npm run build` first).
//
//   node scripts/accuracy.mjs [--json] [--part development|held-out]
//   node scripts/accuracy.mjs --write-floor     record today's numbers in tests/accuracy/floor.json
//   node scripts/accuracy.mjs --rules '{"leakguard/require-close":["error",{"unknownCallsTakeOwnership":false}]}'
//                                               measure a variant: rule settings laid over the presets
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const runner = require('../tests/accuracy/accuracy-runner.cjs');

const args = process.argv.slice(2);
const partIndex = args.indexOf('--part');
const parts = partIndex >= 0 ? [args[partIndex + 1]] : runner.PARTS;

const rulesIndex = args.indexOf('--rules');
if (rulesIndex >= 0) runner.setRuleOverrides(JSON.parse(args[rulesIndex + 1]));

const started = Date.now();
const runs = [];
for (const part of parts) for (const typed of [true, false]) runs.push(runner.measurePart(part, { typed }));
const seconds = ((Date.now() - started) / 1000).toFixed(1);

if (args.includes('--write-floor')) {
  if (parts.length !== runner.PARTS.length || rulesIndex >= 0) {
    console.error('--write-floor measures every part, with the presets as published');
    process.exit(2);
  }
  const floorPath = path.join(runner.repoRoot, 'tests', 'accuracy', 'floor.json');
  writeFileSync(floorPath, `${JSON.stringify({ measuredAt: new Date().toISOString().slice(0, 10), floor: runner.floorOf(runs) }, null, 2)}\n`);
  console.log(`wrote ${path.relative(runner.repoRoot, floorPath)}`);
} else if (args.includes('--json')) {
  console.log(JSON.stringify({ seconds: Number(seconds), runs: runner.summarise(runs) }, null, 2));
} else {
  console.log(`# leakguard accuracy on real leak fixes (${seconds} s)\n`);
  console.log(runner.formatMarkdown(runs));
}
