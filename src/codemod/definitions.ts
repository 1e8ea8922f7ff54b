import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { defaultRequireCloseOptions, detectUnreleasedHandles, requireCloseMessages, REQUIRE_CLOSE } from '../detectors/require-close';
import type { Finding } from '../findings/finding';
import { editsForWrapInTryFinally, type EditResult } from '../fix/wrap-in-try-finally';
import type { CodemodOptions } from './outcome';

/** The engine's side of a codemod: which detector finds the sites, and how a plan becomes edits. */
export interface CodemodDefinition {
  readonly name: string;
  readonly ruleId: string;
  readonly messages: Readonly<Record<string, string>>;
  detect(analysis: Analysis, ruleOptions: Readonly<Record<string, unknown>>): Finding[];
  edits(finding: Finding, source: string, ast: TSESTree.Program, options: CodemodOptions): EditResult;
}

const tryFinallyClose: CodemodDefinition = {
  name: 'try-finally-close',
  ruleId: REQUIRE_CLOSE,
  messages: requireCloseMessages,
  detect: (analysis, ruleOptions) => detectUnreleasedHandles(analysis, { ...defaultRequireCloseOptions, ...ruleOptions }),
  edits: (finding, source, ast, options) => {
    if (finding.remedy.kind !== 'wrap-in-try-finally') return { refusal: 'no plan for this finding' };
    return editsForWrapInTryFinally(finding.remedy, source, ast, options.style ?? 'try-finally');
  },
};

export const codemodDefinitions: ReadonlyMap<string, CodemodDefinition> = new Map([[tryFinallyClose.name, tryFinallyClose]]);
