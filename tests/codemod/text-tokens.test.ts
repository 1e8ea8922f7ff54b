import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/codemod/parse-source';
import { insideTextToken } from '../../src/fix/text-tokens';

// runCodemod refuses an edit that starts or ends inside program text, and markers move out of it:
// bundled code ends multi-line templates on the line where the next statement starts.
describe('insideTextToken', () => {
  const source = ['const banner = `one', 'two`; const s = "x"; function f() {}', 'const el = <div>', '  {f()}</div>;', ''].join('\n');
  const { ast } = parseSource(source, 'file.tsx');
  const lineStart = (line: number) => source.split('\n').slice(0, line - 1).join('\n').length + 1;

  it('finds a line start inside a template, and one inside JSX text', () => {
    expect(insideTextToken(ast, lineStart(2))).toBe(true);
    expect(insideTextToken(ast, lineStart(4))).toBe(true);
  });

  it('finds offsets inside a string literal but not at its edges or in code', () => {
    const quote = source.indexOf('"x"');
    expect(insideTextToken(ast, quote + 1)).toBe(true);
    expect(insideTextToken(ast, quote)).toBe(false);
    expect(insideTextToken(ast, quote + 3)).toBe(false);
    expect(insideTextToken(ast, source.indexOf('function'))).toBe(false);
    expect(insideTextToken(ast, lineStart(3))).toBe(false);
  });
});
