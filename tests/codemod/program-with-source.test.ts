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

describe('programWithSource with a package installed twice', () => {
  it('hands TypeScript the original of a deduplicated (redirect) source file, not the redirect', () => {
    // Two copies of dup@1.0.0: TypeScript keeps one and turns the other into a redirect source file,
    // which a compiler host must never return ("Host should not return a redirect source file").
    const dup = {
      'package.json': JSON.stringify({ name: 'dup', version: '1.0.0', types: 'index.d.ts' }),
      'index.d.ts': 'export declare class Thing { size: number }\n',
    };
    const files: Record<string, string> = {
      'node_modules/a/package.json': JSON.stringify({ name: 'a', version: '1.0.0', types: 'index.d.ts' }),
      'node_modules/a/index.d.ts': "import { Thing } from 'dup';\nexport declare const a: Thing;\n",
      'node_modules/b/package.json': JSON.stringify({ name: 'b', version: '1.0.0', types: 'index.d.ts' }),
      'node_modules/b/index.d.ts': "import { Thing } from 'dup';\nexport declare const b: Thing;\n",
      'leak.ts': "import { a } from 'a';\nimport { b } from 'b';\nexport const total = a.size + b.size;\n",
    };
    for (const [name, text] of Object.entries(dup)) {
      files[`node_modules/a/node_modules/dup/${name}`] = text;
      files[`node_modules/b/node_modules/dup/${name}`] = text;
    }
    const root = temporaryDirectory();
    writeFiles(root, files);
    const leak = path.join(root, 'leak.ts');
    const options = { strict: true, noEmit: true, noLib: true, types: [], module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
    const program = ts.createProgram({ rootNames: [leak], options });
    const rewritten = "import { a } from 'a';\nimport { b } from 'b';\nexport const total: number = a.size + b.size;\n";
    const updated = programWithSource(program, leak, rewritten);
    expect(updated.getSourceFile(leak)?.text).toBe(rewritten);
    expect(updated.getSemanticDiagnostics(updated.getSourceFile(leak)).map((diagnostic) => diagnostic.messageText)).toEqual([]);
    // And once more from the updated program, as a second codemod pass does.
    expect(programWithSource(updated, leak, `${rewritten}// again\n`).getSourceFile(leak)?.text).toBe(`${rewritten}// again\n`);
  });
});
