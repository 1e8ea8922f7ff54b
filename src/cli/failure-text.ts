import type { FileRecord } from './run-record';

/** `path:line:column: message` for a parse error (editors jump to it), `path: …` otherwise. */
export function describeFailure(file: FileRecord): string {
  const failure = file.failure;
  if (!failure) return file.path;
  switch (failure.kind) {
    case 'parse':
      return `${file.path}:${failure.line ?? 1}:${failure.column ?? 1}: ${failure.message}`;
    case 'crash':
      return `${file.path}: ${failure.codemod ? `${failure.codemod} crashed` : 'crashed'}: ${failure.message}`;
    case 'write':
      return `${file.path}: not written: ${failure.message}`;
  }
}
