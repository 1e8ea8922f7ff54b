import { displayPath } from './display-path';
import { plural } from './plural';
import type { RunTally } from './run-tally';

/** Which analysis ran: typed findings are more precise, so the summary and reports say which. */
export function describeTypeInformation(tally: RunTally, project: string | undefined): string {
  const source = project ? `--project ${displayPath(project)}` : 'nearest tsconfig.json';
  const untyped = tally.filesScanned - tally.filesTyped;
  if (untyped === 0) return `typed analysis for every file (${source})`;
  const noProgram = project ? `not in the program of ${source}` : 'no tsconfig.json includes them';
  if (tally.filesTyped === 0) return `untyped analysis (syntactic shapes only): ${noProgram}`;
  return `typed analysis for ${plural(tally.filesTyped, 'file')} (${source}); untyped for ${plural(untyped, 'file')}: ${noProgram}`;
}
