import { boundedCache } from '../codemods/bounded-cache';
import { cleanupOnClose } from '../codemods/cleanup-on-close';
import { grpcDeadline } from '../codemods/grpc-deadline';
import { grpcKeepalive } from '../codemods/grpc-keepalive';
import { singletonClient } from '../codemods/singleton-client';
import { tryFinallyClose } from '../codemods/try-finally-close';
import { consumeResponseBody } from '../detectors/consume-response-body';
import { grpcCallDeadline } from '../detectors/grpc-call-deadline';
import { grpcRequireKeepalive } from '../detectors/grpc-require-keepalive';
import { noClientPerCall } from '../detectors/no-client-per-call';
import { noLeakedInterval } from '../detectors/no-leaked-interval';
import { noLeakedListener } from '../detectors/no-leaked-listener';
import { noUnboundedCache } from '../detectors/no-unbounded-cache';
import { requireCleanupOnDisconnect } from '../detectors/require-cleanup-on-disconnect';
import { requireClose } from '../detectors/require-close';
import { respectBackpressure } from '../detectors/respect-backpressure';
import type { AnyCodemodDescriptor } from './codemod-descriptor';
import type { AnyRuleDescriptor } from './rule-descriptor';

/**
 * The two lists everything loops over: the plugin and its presets (rules/index.ts), `leakguard list`,
 * the CLI's flags, help and settings lookup, the `jscodeshift -t` adapter, the fixture harness, the
 * docs and the meta-tests. A new rule adds one entry to `ruleDescriptors`, a new codemod one entry to
 * `codemodDescriptors` (`npm run new-rule` does both). Order is the order `leakguard list` shows and
 * `--codemod all` runs.
 *
 * Loading this module loads the detectors and edit builders but not TypeScript or ESLint, so the CLI's
 * main thread can read names and options without paying for the engine's parsers.
 */
export const ruleDescriptors = [requireClose, noClientPerCall, noUnboundedCache, noLeakedInterval, noLeakedListener, requireCleanupOnDisconnect, grpcCallDeadline, grpcRequireKeepalive, respectBackpressure, consumeResponseBody] as const satisfies readonly AnyRuleDescriptor[];

/**
 * The order `--codemod all` runs them in, on purpose: `singleton-client` first, because the
 * long-lived client it writes needs keepalive (`grpc-keepalive` next) and its calls deadlines
 * (`grpc-deadline`); the rest touch other code and follow. tests/codemods/codemod-order.test.ts
 * holds this order.
 */
export const codemodDescriptors = [singletonClient, grpcKeepalive, grpcDeadline, tryFinallyClose, boundedCache, cleanupOnClose] as const satisfies readonly AnyCodemodDescriptor[];

/** What the CLI, `leakguard list` and the harness are given: the shipped lists, or a test's own. */
export interface Catalog {
  readonly rules: readonly AnyRuleDescriptor[];
  readonly codemods: readonly AnyCodemodDescriptor[];
  /**
   * A compiled module whose `workerCatalog` export is this catalog, for worker threads (which cannot
   * be handed functions). Without one, `leakguard fix` transforms in its own thread.
   */
  readonly workerModule?: string;
}

export const shippedCatalog: Catalog = { rules: ruleDescriptors, codemods: codemodDescriptors, workerModule: __filename };

/** What `leakguard fix`'s worker threads load from `workerModule`. */
export const workerCatalog = shippedCatalog;

/** The codemods that fix a rule: none for a rule with suggestions only. */
export function codemodsFixing(catalog: Catalog, rule: AnyRuleDescriptor): AnyCodemodDescriptor[] {
  return catalog.codemods.filter((codemod) => codemod.fixes.includes(rule));
}
