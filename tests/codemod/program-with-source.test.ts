import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { programWithSource } from '../../src/codemod/program-with-source';
import { removeTemporaryDirectories, temporaryDirectory, writeFiles } from '../cli/cli-harness';

afterAll(removeTemporaryDirectories);

describe('programWithSource', () => {
  it('gives the type checker the new text of one file and reuses the program when the text is the same', () => {
    const root = temporaryDirectory();
    writeFiles(root, {
      'shared.ts': 'export const port = 8080;\n',
      'main.ts': "import { port } from './shared';\nexport const value = port;\n",
    });
    const main = path.join(root, 'main.ts');
    const program = ts.createProgram({ rootNames: [main], options: { strict: true, noEmit: true, noLib: true, types: [] } });
    expect(programWithSource(program, main, program.getSourceFile(main)?.text ?? '')).toBe(program);

    const rewritten = "import { port } from './shared';\nexport const value = { doubled: port * 2 };\n";
    const updated = programWithSource(program, main, rewritten);
    const source = updated.getSourceFile(main);
    expect(source?.text).toBe(rewritten);
    const value = (source?.statements[1] as ts.VariableStatement).declarationList.declarations[0];
    expect(updated.getTypeChecker().typeToString(updated.getTypeChecker().getTypeAtLocation(value.name))).toBe('{ doubled: number; }');
    expect(updated.getSourceFile(path.join(root, 'shared.ts'))).toBe(program.getSourceFile(path.join(root, 'shared.ts')));
  });
});
