'use strict';
/**
 * Lints a set of cases with one ESLint major and prints the findings as JSON. The same function runs
 * under both majors: tests/eslint9.test.ts calls it in-process with the root's ESLint 10 and spawns
 * `node lint-cases.cjs <input.json>` here, where `require('eslint')` is this project's ESLint 9, then
 * compares the two outputs. The plugin is the built one (dist/) and brings its own dependencies from
 * the root, as an installed plugin would: one typescript-eslint, whichever ESLint runs it.
 *
 * Input: { pluginPath, cases: [{ id, filename, code, cwd, rule, option?, typed, tsconfigPath? }],
 *          projects: [{ id, cwd, patterns }] }
 * Output: { eslintVersion, cases: { [id]: Finding[] }, projects: { [id]: { [relativeFile]: Finding[] } } }
 */
const { readFileSync } = require('node:fs');
const path = require('node:path');

/** What must be identical across majors: which rule reported what, where. */
function findings(messages) {
  return messages.map((message) => ({
    ruleId: message.ruleId ?? null,
    messageId: message.messageId ?? null,
    severity: message.severity,
    fatal: message.fatal === true,
    message: message.message,
    line: message.line,
    column: message.column,
    endLine: message.endLine ?? null,
    endColumn: message.endColumn ?? null,
  }));
}

function caseConfig(plugin, testCase) {
  const isTypeScript = /\.[cm]?tsx?$/.test(testCase.filename);
  // The preset's own parser object: the one users get from `configs['recommended-type-checked']`.
  const parser = plugin.configs['recommended-type-checked'].languageOptions.parser;
  return [
    {
      files: ['**/*.ts', '**/*.js'],
      plugins: { leakguard: plugin },
      rules: { [`leakguard/${testCase.rule}`]: testCase.option === undefined ? 'error' : ['error', testCase.option] },
      languageOptions: isTypeScript
        ? {
            parser,
            parserOptions: testCase.typed ? { project: testCase.tsconfigPath, tsconfigRootDir: testCase.cwd } : {},
          }
        : { sourceType: 'commonjs' },
    },
  ];
}

async function lintCases(eslintModule, input) {
  const { ESLint, Linter } = eslintModule;
  const plugin = require(input.pluginPath);
  const output = { eslintVersion: ESLint.version, cases: {}, projects: {} };

  const linters = new Map();
  for (const testCase of input.cases) {
    if (!linters.has(testCase.cwd)) linters.set(testCase.cwd, new Linter({ configType: 'flat', cwd: testCase.cwd }));
    const messages = linters.get(testCase.cwd).verify(testCase.code, caseConfig(plugin, testCase), { filename: testCase.filename });
    output.cases[testCase.id] = findings(messages);
  }

  for (const project of input.projects) {
    const parser = plugin.configs['recommended-type-checked'].languageOptions.parser;
    const eslint = new ESLint({
      cwd: project.cwd,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.ts'], languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: project.cwd } } },
        plugin.configs['recommended-type-checked'],
      ],
    });
    const results = await eslint.lintFiles(project.patterns);
    output.projects[project.id] = Object.fromEntries(
      results
        .map((result) => [path.relative(project.cwd, result.filePath).split(path.sep).join('/'), findings(result.messages)])
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  }
  return output;
}

module.exports = { lintCases };

if (require.main === module) {
  const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  lintCases(require('eslint'), input).then(
    (output) => process.stdout.write(JSON.stringify(output)),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
