import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { lifetimeExecutionOf } from '../lifetime/execution';
import type { KeyOrigins } from './key-origin';
import { isFreshIdentity, type MemoisedFunction } from './memoised-functions';

/**
 * Why a memo applied at module load grows without bound, as the calls show it:
 * - `fresh-key`: a call passes a value it makes itself (`f({ a, b })`) to a memoiser that keys by
 *   identity — no call ever hits, and each adds an entry;
 * - `expires-on-read`: its `maxAge` is checked only when a key is read again, so keys asked for once
 *   stay (the memoised function is exported, or called here with keys not written in the program);
 * - `input-key`: keyed by request or message data, or by ids made per call.
 * Keys that are the arguments of an exported function (a lookup by name) are not judged: a memo of a
 * finite domain is what memoisers are for.
 */
export type MemoGrowth = { readonly reason: 'fresh-key' | 'expires-on-read' | 'input-key'; readonly call: TSESTree.CallExpression | undefined };

export function unboundedMemoGrowth(analysis: Analysis, memo: MemoisedFunction, keyOrigins: KeyOrigins): MemoGrowth | undefined {
  const repeated = memo.calls.filter((call) => lifetimeExecutionOf(call, analysis.scopeManager).kind !== 'once');
  if (memo.key === 'identity') {
    const fresh = repeated.find((call) => isFreshIdentity(call.arguments[0]));
    if (fresh) return { reason: 'fresh-key', call: fresh };
  }
  if (memo.expiresOnRead) {
    const varied = repeated.find((call) => keyOrigins.of(call.arguments[0]) !== 'code');
    if (varied || memo.exported) return { reason: 'expires-on-read', call: varied };
  }
  if (memo.key === 'custom') return undefined;
  const fromInput = repeated.find((call) => {
    const origin = keyOrigins.of(call.arguments[0]);
    return origin === 'input' || origin === 'generated';
  });
  return fromInput ? { reason: 'input-key', call: fromInput } : undefined;
}
