import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { defaultRequireCloseOptions, detectUnreleasedHandles, requireCloseMessages, REQUIRE_CLOSE } from '../detectors/require-close';
import { defaultNoClientPerCallOptions, detectClientsPerCall, noClientPerCallMessages, NO_CLIENT_PER_CALL } from '../detectors/no-client-per-call';
import {
  defaultNoUnboundedCacheOptions,
  detectUnboundedCaches,
  noUnboundedCacheMessages,
  NO_UNBOUNDED_CACHE,
} from '../detectors/no-unbounded-cache';
import type { Finding } from '../findings/finding';
import { DEFAULT_MAX, editsForBoundedCache } from '../fix/bounded-cache-edits';
import { editsForSingletonClient } from '../fix/singleton-client-edits';
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

const singletonClient: CodemodDefinition = {
  name: 'singleton-client',
  ruleId: NO_CLIENT_PER_CALL,
  messages: noClientPerCallMessages,
  detect: (analysis, ruleOptions) => detectClientsPerCall(analysis, { ...defaultNoClientPerCallOptions, ...ruleOptions }),
  edits: (finding, source, ast) => {
    if (finding.remedy.kind !== 'singleton-client') return { refusal: 'no plan for this finding' };
    return editsForSingletonClient(finding.remedy, source, ast);
  },
};

const boundedCache: CodemodDefinition = {
  name: 'bounded-cache',
  ruleId: NO_UNBOUNDED_CACHE,
  messages: noUnboundedCacheMessages,
  detect: (analysis, ruleOptions) => detectUnboundedCaches(analysis, { ...defaultNoUnboundedCacheOptions, ...ruleOptions }),
  edits: (finding, source, ast, options) => {
    if (finding.remedy.kind !== 'bounded-cache') return { refusal: 'no plan for this finding' };
    return editsForBoundedCache(finding.remedy, source, ast, { max: options.max ?? DEFAULT_MAX, ...(options.ttl !== undefined ? { ttl: options.ttl } : {}) });
  },
};

export const codemodDefinitions: ReadonlyMap<string, CodemodDefinition> = new Map([
  [tryFinallyClose.name, tryFinallyClose],
  [singletonClient.name, singletonClient],
  [boundedCache.name, boundedCache],
]);
