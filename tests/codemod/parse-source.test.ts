import { parse } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/codemod/parse-source';

// parseSource leaves comments out of its parse and fills `ast.comments` on first read (a second
// parse): these pin that what the codemods read is exactly what one parse with comments gives.
describe('parseSource', () => {
  const source = [
    '#!/usr/bin/env node',
    '// eslint-disable-next-line leakguard/require-close -- owned by the pool',
    "const re = /\\/\\/ not a comment/; const s = '/* nor this */';",
    'const t = `// nor ${re} this`; /* but this */',
    'const el = <div>// JSX text, not a comment {/* a comment */}</div>;',
    '',
  ].join('\n');

  it('gives the same comments as a parse that keeps them, and sets every parent', () => {
    const parsed = parseSource(source, 'file.tsx');
    const reference = parse(source, { loc: true, range: true, comment: true, jsx: true });
    expect(parsed.ast.comments).toEqual(reference.comments);
    expect(parsed.ast.comments?.map((comment) => comment.value.trim())).toEqual([
      'eslint-disable-next-line leakguard/require-close -- owned by the pool',
      'but this',
      'a comment',
    ]);
    const declaration = parsed.ast.body[0];
    expect(declaration.parent).toBe(parsed.ast);
  });

  it('lets a caller replace the comments', () => {
    const parsed = parseSource('const a = 1; // one\n', 'file.ts');
    parsed.ast.comments = [];
    expect(parsed.ast.comments).toEqual([]);
  });
});
