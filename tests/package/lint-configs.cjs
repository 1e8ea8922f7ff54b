// Lints a scratch project (the working directory) once per ESLint config, in one process, with the
// project's own ESLint: `node lint-configs.cjs <input.json>`, input `{ configs: [{ id, file, code }] }`.
// Each config is written to its file, ESLint loads it as the config file (what `npx eslint --config
// <file> .` does), lints `.`, and the file is removed again. One process for all of them: the
// TypeScript program typescript-eslint's project service builds is the slow part, and it is shared.
// Prints `[{ id, results: [{ filePath, messages }], error }]` as JSON.
'use strict';
const { createRequire } = require('node:module');
const { readFileSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');

async function main() {
  const requireFromProject = createRequire(path.join(process.cwd(), 'package.json'));
  const { ESLint } = requireFromProject('eslint');
  const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const output = [];
  for (const config of input.configs) {
    writeFileSync(config.file, config.code);
    try {
      const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: config.file });
      const results = await eslint.lintFiles(['.']);
      output.push({
        id: config.id,
        error: null,
        results: results.map((result) => ({
          filePath: result.filePath,
          messages: result.messages.map(({ ruleId, fatal, severity, message, line }) => ({ ruleId, fatal, severity, message, line })),
        })),
      });
    } catch (error) {
      output.push({ id: config.id, error: String(error && error.stack ? error.stack : error), results: [] });
    } finally {
      rmSync(config.file, { force: true });
    }
  }
  process.stdout.write(JSON.stringify(output));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
