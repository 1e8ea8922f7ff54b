import fs from 'node:fs';
import type { AnyCodemodDescriptor } from '../descriptors/codemod-descriptor';
import { writeFileAtomic } from './atomic-write';
import { displayPath } from './display-path';
import type { FileFailure, FileTransform } from './file-transform';
import { requiredImportsOf } from './required-packages';
import type { FileRecord } from './run-record';

/** Write a transformed file (unless `dryRun`) and record what happened to it. */
export function applyTransform(transform: FileTransform, dryRun: boolean, codemods: readonly AnyCodemodDescriptor[]): FileRecord {
  const record: FileRecord = {
    path: displayPath(transform.filePath),
    typed: transform.typed,
    changed: transform.output !== undefined,
    written: false,
    steps: transform.steps,
    requiredImports: requiredImportsOf(transform, codemods),
  };
  if (transform.failure) return { ...record, failure: transform.failure };
  if (transform.output === undefined || dryRun) return record;
  const failure = writeUnlessEdited(transform.filePath, transform.source, transform.output);
  // The outcomes describe text that is not on disk: report the file as failed, nothing else.
  return failure ? { ...record, changed: false, steps: [], requiredImports: [], failure } : { ...record, written: true };
}

/** Someone (an editor, a formatter on save) may have changed the file since it was read: keep their edit. */
function writeUnlessEdited(filePath: string, source: string, output: string): FileFailure | undefined {
  try {
    if (fs.readFileSync(filePath, 'utf8') !== source) {
      return { kind: 'write', message: 'the file changed on disk while it was being transformed; run again' };
    }
    writeFileAtomic(filePath, output);
    return undefined;
  } catch (error) {
    return { kind: 'write', message: (error as Error).message };
  }
}
