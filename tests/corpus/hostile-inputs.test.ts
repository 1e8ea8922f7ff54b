import { describe, expect, it } from 'vitest';
import { codemodNames, lintSource, ruleNames, runCodemodOnSource, type CodemodCheck, type LintResult } from './corpus-runner.cjs';

/**
 * Inputs no fixture author writes on purpose but every large repository has somewhere: each goes
 * through every rule (ESLint's Linter, untyped) and every codemod (runCodemod, twice when it rewrites)
 * and gets a clear result: findings, a rewrite that parses and is idempotent, or a parse error with a
 * position. Never a throw.
 */
interface Outcome {
  readonly lint: LintResult;
  readonly codemods: Readonly<Record<string, CodemodCheck>>;
}

let counter = 0;
function throughEverything(source: string, extension: string): Outcome {
  const virtualPath = `/corpus/hostile-${counter++}${extension}`;
  const lint = lintSource(source, { extension, virtualPath });
  const codemods = Object.fromEntries(codemodNames.map((codemod) => [codemod, runCodemodOnSource(codemod, source, { extension, virtualPath })]));
  return { lint, codemods };
}

/** No throw anywhere, every rewrite parses again and is a fixed point. */
function expectNoBreakage(outcome: Outcome): void {
  expect(outcome.lint.crashes).toEqual([]);
  for (const check of Object.values(outcome.codemods)) {
    expect({ codemod: check.codemod, crash: check.crash, unparsable: check.unparsable, rejected: check.rejectedRewrite, nonIdempotent: check.nonIdempotent }).toEqual({
      codemod: check.codemod,
      crash: undefined,
      unparsable: undefined,
      rejected: undefined,
      nonIdempotent: undefined,
    });
  }
}

function expectQuietAndUnchanged(outcome: Outcome): void {
  expectNoBreakage(outcome);
  expect(outcome.lint.parseError).toBeUndefined();
  expect(outcome.lint.findings).toEqual({});
  for (const check of Object.values(outcome.codemods)) {
    expect([check.codemod, check.parseError, check.changed, check.skipped]).toEqual([check.codemod, undefined, false, 0]);
  }
}

/** Both toolchains refuse the file with a position, and the codemods write nothing. */
function expectParseErrorEverywhere(outcome: Outcome): void {
  expectNoBreakage(outcome);
  expect(outcome.lint.parsedAs).toBeUndefined();
  expect(outcome.lint.parseError).toMatch(/Parsing error: /);
  expect(outcome.lint.findings).toEqual({});
  for (const check of Object.values(outcome.codemods)) {
    expect(check.parseError, check.codemod).toMatch(/^\d+:\d+ \S/);
    expect(check.changed).toBe(false);
  }
}

function changedBy(outcome: Outcome): string[] {
  return Object.values(outcome.codemods)
    .filter((check) => check.changed)
    .map((check) => check.codemod);
}

// A descriptor opened for every call and closed on no path (read-last-lines' bug), in CommonJS.
const leakyCommonJs = `const fs = require('fs');
function lastBytes(path, count) {
  const fd = fs.openSync(path, 'r');
  const { size } = fs.fstatSync(fd);
  fs.readSync(fd, Buffer.alloc(count), 0, count, size - count);
  return size;
}
module.exports = { lastBytes };
`;

// A FileHandle closed only on success.
const leakyTypeScript = `import { open } from 'node:fs/promises';
export async function header(path: string) {
  const handle = await open(path, 'r');
  const { buffer } = await handle.read(Buffer.alloc(16), 0, 16, 0);
  await handle.close();
  return buffer;
}
`;

describe('hostile inputs through every rule and every codemod', () => {
  it('runs all the rules and codemods it knows', () => {
    expect(ruleNames.length).toBeGreaterThanOrEqual(3);
    expect(codemodNames.length).toBeGreaterThanOrEqual(3);
  });

  describe('empty and nearly empty files', () => {
    for (const extension of ['.js', '.cjs', '.mjs', '.jsx', '.ts', '.tsx', '.mts', '.cts']) {
      it(`leaves an empty ${extension} file quiet and unchanged`, () => {
        expectQuietAndUnchanged(throughEverything('', extension));
      });
    }
    it('leaves a file of only whitespace, a BOM and comments quiet and unchanged', () => {
      expectQuietAndUnchanged(throughEverything('\uFEFF\n\n  // nothing here\n/* nor here */\n\t\n', '.ts'));
      expectQuietAndUnchanged(throughEverything('#!/usr/bin/env node\n', '.js'));
    });
  });

  describe('byte-order mark and line endings', () => {
    it('reports and fixes a leak behind a BOM, keeping the BOM and the offsets right', () => {
      const outcome = throughEverything(`\uFEFF${leakyTypeScript}`, '.ts');
      expectNoBreakage(outcome);
      expect(outcome.lint.findings).toEqual({ 'require-close': 1 });
      expect(changedBy(outcome)).toEqual(['try-finally-close']);
      const output = outcome.codemods['try-finally-close'].output!;
      expect(output.startsWith('\uFEFFimport { open }')).toBe(true);
      expect(output).toContain('  try {\n    const { buffer } = await handle.read(');
      expect(output).toContain('  } finally {\n    await handle.close();\n  }\n');
    });

    it('reports and fixes a leak in a CRLF file without mixing in bare LF line endings', () => {
      const outcome = throughEverything(leakyCommonJs.replace(/\n/g, '\r\n'), '.js');
      expectNoBreakage(outcome);
      expect(outcome.lint.parsedAs).toBe('module');
      expect(outcome.lint.findings).toEqual({ 'require-close': 1 });
      expect(changedBy(outcome)).toEqual(['try-finally-close']);
      const output = outcome.codemods['try-finally-close'].output!;
      expect(output).toContain('try {');
      expect(output.replace(/\r\n/g, '')).not.toContain('\n');
    });

    // TypeScript and ESLint break lines at a lone `\r` and at U+2028/U+2029 too; so do the codemods' edits.
    const crOnly = "const fs = require('fs');\rfunction f(p) {\r  const fd = fs.openSync(p, 'r');\r  return fs.fstatSync(fd).size;\r}\r";
    const lineSeparators = "const fs = require('fs');\nfunction f(p) {\u2028  const fd = fs.openSync(p, 'r');\u2028  return fs.fstatSync(fd).size;\n}\n";

    it('reports a leak in a file with old Mac CR-only line endings and one with U+2028 line separators', () => {
      for (const source of [crOnly, lineSeparators]) {
        const outcome = throughEverything(source, '.cjs');
        expect(outcome.lint.crashes).toEqual([]);
        expect(outcome.lint.findings).toEqual({ 'require-close': 1 });
        for (const check of Object.values(outcome.codemods)) expect(check.crash).toBeUndefined();
      }
    });

    it('fixes a leak in a CR-only file idempotently, keeping its line breaks', () => {
      const outcome = throughEverything(crOnly, '.cjs');
      expectNoBreakage(outcome);
      expect(outcome.codemods['try-finally-close'].fixed).toBe(1);
    });

    it('fixes a leak on lines separated by U+2028 idempotently', () => {
      const outcome = throughEverything(lineSeparators, '.cjs');
      expectNoBreakage(outcome);
      expect(outcome.codemods['try-finally-close'].fixed).toBe(1);
    });

    it('keeps a CR-only file CR-only', () => {
      const output = throughEverything(crOnly, '.cjs').codemods['try-finally-close'].output!;
      expect(output).toContain('try {');
      expect(output).not.toContain('\n');
    });
  });

  describe('very long lines', () => {
    // A 200 KB single line: minified vendor code with 16 000 top-level declarations and one leak at the end.
    let line = "const fs=require('fs');";
    for (let index = 0; line.length < 200 * 1024; index++) line += `var a${index}=${index}*2+"x${index}";`;
    line += "function tail(p,b){var fd=fs.openSync(p,'r');fs.readSync(fd,b,0,1,0);return b}module.exports=tail;";

    it('reports the leak at the end of a 200 KB line and marks it rather than reflowing the line', () => {
      const outcome = throughEverything(line, '.js');
      expectNoBreakage(outcome);
      expect(outcome.lint.findings).toEqual({ 'require-close': 1 });
      // The release would have to go inside a one-line function: the codemod leaves a marker and a reason.
      const check = outcome.codemods['try-finally-close'];
      expect([check.changed, check.fixed, check.skipped]).toEqual([true, 0, 1]);
      expect(check.output).toContain('leakguard-todo(try-finally-close)');
      expect(changedBy(outcome)).toEqual(['try-finally-close']);
    }, 180_000);
  });

  describe('deeply nested code', () => {
    const leak = "const fd = fs.openSync(p, 'r'); fs.readSync(fd, b, 0, 1, 0);";

    it('walks 2 000 nested blocks without overflowing: the rules report, typescript-estree gives up with a parse error', () => {
      const depth = 2000;
      const source = `const fs = require('fs');\nfunction f(p, b) {\n${'{'.repeat(depth)}${leak}${'}'.repeat(depth)}\n}\nmodule.exports = f;\n`;
      const outcome = throughEverything(source, '.js');
      expectNoBreakage(outcome);
      // espree parses it and leakguard's engine walks it iteratively: the leak is found.
      expect(outcome.lint.findings).toEqual({ 'require-close': 1 });
      // typescript-estree's converter recurses per level and usually runs out of stack: a parse error,
      // not a crash. Whether it does depends on how deep the worker's stack already is (vitest runs
      // files one after another in one worker), so a codemod that did parse must not break the file.
      for (const check of Object.values(outcome.codemods)) {
        if (check.parseError === undefined) continue;
        expect(check.parseError).toMatch(/Maximum call stack size exceeded/);
        expect(check.changed).toBe(false);
      }
    }, 120_000);

    it('gives a parse error for 2 000 nested arrow functions, which neither parser can hold', () => {
      const source = `const fs = require('fs');\nmodule.exports = ${'() => '.repeat(2000)}(p, b) => { ${leak} };\n`;
      const outcome = throughEverything(source, '.js');
      expectNoBreakage(outcome);
      expect(outcome.lint.parseError).toMatch(/Parsing error: Not enough stack space/);
      // A codemod whose rules cannot apply to the text (no timer, listener or gRPC name in it) skips the
      // parse, and whether a parse meets the recursion limit depends on how deep the worker's stack
      // already is (vitest runs files one after another in one worker): each codemod either says it
      // could not parse, or leaves the file as it was — or, when its parse did succeed, fixes the one
      // leak there is (try-finally-close), with a rewrite expectNoBreakage has checked.
      for (const check of Object.values(outcome.codemods)) {
        if (check.parseError === undefined) expect(check.changed && check.codemod !== 'try-finally-close').toBe(false);
        else expect(check.parseError).toMatch(/Maximum call stack size exceeded/);
      }
    }, 120_000);

    it('reports and fixes a leak under 300 nested arrow functions in TypeScript', () => {
      const source = `import fs from 'node:fs';\nexport const f = ${'() => '.repeat(300)}(p: string, b: Buffer) => { ${leak} };\n`;
      const outcome = throughEverything(source, '.ts');
      expectNoBreakage(outcome);
      expect(outcome.lint.findings).toEqual({ 'require-close': 1 });
      expect(changedBy(outcome)).toEqual(['try-finally-close']);
    }, 120_000);

    // espree's own recursion holds about 1 500 levels of `if` in plain node, fewer in a vitest worker: 600 is within both.
    it('reports a leak under 600 nested if statements', () => {
      const source = `const fs = require('fs');\nfunction f(p, b, c) {\n${'if (c) {'.repeat(600)}${leak}${'}'.repeat(600)}\n}\nmodule.exports = f;\n`;
      const outcome = throughEverything(source, '.js');
      expectNoBreakage(outcome);
      expect(outcome.lint.parseError).toBeUndefined();
      expect(outcome.lint.findings).toEqual({ 'require-close': 1 });
    }, 120_000);

    it('lints a 1 500-term string concatenation (generated code) that typescript-estree cannot convert', () => {
      const source = `module.exports = ${Array.from({ length: 1500 }, (_, index) => `"s${index}"`).join(' + ')};\n`;
      const outcome = throughEverything(source, '.js');
      expectNoBreakage(outcome);
      expect(outcome.lint.parsedAs).toBe('module');
      expect(outcome.lint.findings).toEqual({});
      // A codemod whose rules cannot apply to the text (no timer, listener or gRPC name in it) skips the
      // parse, and whether a parse meets the recursion limit depends on how deep the worker's stack
      // already is (vitest runs files one after another in one worker): each codemod either says it
      // could not parse, or leaves the file as it was — or, when its parse did succeed, fixes the one
      // leak there is (try-finally-close), with a rewrite expectNoBreakage has checked.
      for (const check of Object.values(outcome.codemods)) {
        if (check.parseError === undefined) expect(check.changed && check.codemod !== 'try-finally-close').toBe(false);
        else expect(check.parseError).toMatch(/Maximum call stack size exceeded/);
      }
    }, 120_000);
  });

  describe('syntax errors', () => {
    const broken: [string, string, string][] = [
      ['an unfinished function', 'function (', '.js'],
      ['an unterminated string', "const fs = require('fs);\n", '.cjs'],
      ['a missing type', 'const x: = 1;\n', '.ts'],
      ['an unclosed class', 'export class A {\n  m() {}\n', '.mts'],
      ['a stray closing brace after a leak', `${leakyTypeScript}}\n`, '.ts'],
      ['merge-conflict markers', `<<<<<<< HEAD\n${leakyCommonJs}=======\n>>>>>>> branch\n`, '.js'],
    ];
    for (const [name, source, extension] of broken) {
      it(`answers ${name} (${extension}) with a parse error and a position`, () => {
        expectParseErrorEverywhere(throughEverything(source, extension));
      });
    }
  });

  describe('JSX', () => {
    const component = `import { useEffect } from 'react';\nexport function Clock() {\n  useEffect(() => {}, []);\n  return <div className="clock">now</div>;\n}\n`;

    it('answers JSX in a .ts file with a parse error, not a crash', () => {
      expectParseErrorEverywhere(throughEverything(component, '.ts'));
    });

    it('parses the same component as .tsx and as .jsx', () => {
      expectQuietAndUnchanged(throughEverything(component, '.tsx'));
      expectQuietAndUnchanged(throughEverything(component, '.jsx'));
    });

    it('keeps `<T>value` casts working in .ts, where JSX is off', () => {
      expectQuietAndUnchanged(throughEverything('const raw: unknown = 1;\nexport const n = <number>raw;\n', '.ts'));
    });
  });

  describe('decorators', () => {
    const decorated = `import { open } from 'node:fs/promises';
function log(_target: unknown, _context: ClassMethodDecoratorContext) {}
export class Reader {
  @log
  async header(path: string) {
    const handle = await open(path, 'r');
    await handle.read(Buffer.alloc(1), 0, 1, 0);
    await handle.close();
  }
}
`;

    it('reports and fixes a leak in a decorated TypeScript method, keeping the decorator', () => {
      const outcome = throughEverything(decorated, '.ts');
      expectNoBreakage(outcome);
      expect(outcome.lint.findings).toEqual({ 'require-close': 1 });
      expect(changedBy(outcome)).toEqual(['try-finally-close']);
      expect(outcome.codemods['try-finally-close'].output).toContain('  @log\n  async header(path: string) {\n    const handle = await open(path, \'r\');\n    try {');
    });

    it('handles legacy parameter decorators and decorated properties', () => {
      const outcome = throughEverything(
        'declare function Inject(token: string): ParameterDecorator;\ndeclare const Prop: PropertyDecorator;\nexport class Service {\n  @Prop cache = new Map<string, string>();\n  constructor(@Inject("db") readonly db: unknown) {}\n}\n',
        '.ts',
      );
      expectQuietAndUnchanged(outcome);
    });

    it('answers decorators in plain .js clearly: espree refuses them, the codemods (typescript-estree) accept them', () => {
      const outcome = throughEverything('@sealed\nexport class A {}\n', '.js');
      expectNoBreakage(outcome);
      expect(outcome.lint.parseError).toMatch(/Parsing error: Unexpected character '@'/);
      for (const check of Object.values(outcome.codemods)) expect([check.parseError, check.changed]).toEqual([undefined, false]);
    });
  });

  describe('explicit resource management', () => {
    it('accepts `using` and `await using` in TypeScript as released on every path', () => {
      const outcome = throughEverything(
        `import { open } from 'node:fs/promises';
export async function size(path: string) {
  await using handle = await open(path, 'r');
  using scope = { [Symbol.dispose]() {} };
  void scope;
  return (await handle.stat()).size;
}
`,
        '.ts',
      );
      expectQuietAndUnchanged(outcome);
    });

    it('accepts `await using` in an ES module, which espree parses too', () => {
      expectQuietAndUnchanged(throughEverything("import { open } from 'node:fs/promises';\nexport async function size(path) {\n  await using handle = await open(path, 'r');\n  return (await handle.stat()).size;\n}\n", '.mjs'));
    });
  });

  describe('generated code', () => {
    // What webpack emits: a module table of factories, a runtime require, everything on a few lines.
    const bundle = `(()=>{var e={147:(e,t,r)=>{"use strict";const n=require("fs");e.exports=function(p){const d=n.openSync(p,"r");const s=n.fstatSync(d).size;if(s===0)return"";n.closeSync(d);return s}},212:e=>{"use strict";const c=new Map;e.exports.remember=function(k,v){c.set(k,v);return v}}},t={};function r(n){var o=t[n];if(void 0!==o)return o.exports;var s=t[n]={exports:{}};return e[n](s,s.exports,r),s.exports}r.d=(e,t)=>{for(var n in t)r.o(t,n)&&!r.o(e,n)&&Object.defineProperty(e,n,{enumerable:!0,get:t[n]})},r.o=(e,t)=>Object.prototype.hasOwnProperty.call(e,t);(()=>{const e=r(147),t=r(212);module.exports={size:e,remember:t.remember}})()})();
//# ${'sourceMappingURL'}=bundle.js.map
`;

    it('runs a minified bundle through everything without a crash, as ESM-looking .js and as .cjs', () => {
      for (const extension of ['.js', '.cjs']) {
        const outcome = throughEverything(bundle, extension);
        expectNoBreakage(outcome);
        expect(outcome.lint.parseError).toBeUndefined();
        // Inside module factories nothing is long-lived or recognisably module-scoped: no finding, no rewrite.
        expect(outcome.lint.findings).toEqual({});
        expect(changedBy(outcome)).toEqual([]);
      }
    });

    it('runs TypeScript-emitted CommonJS with its helpers and a leak through everything', () => {
      const emitted = `"use strict";
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    return new (P || (P = Promise))(function (resolve, reject) {
        function step(result) { result.done ? resolve(result.value) : new P(function (r) { r(result.value); }).then(fulfilled, rejected); }
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.lastBytes = lastBytes;
const fs_1 = require("fs");
function lastBytes(path, count) {
    const fd = (0, fs_1.openSync)(path, 'r');
    const buffer = Buffer.alloc(count);
    (0, fs_1.readSync)(fd, buffer, 0, count, 0);
    return buffer;
}
//# ${'sourceMappingURL'}=last-bytes.js.map
`;
      const outcome = throughEverything(emitted, '.js');
      expectNoBreakage(outcome);
      expect(outcome.lint.parsedAs).toBe('module');
      expect(outcome.lint.parseError).toBeUndefined();
    });
  });
});
