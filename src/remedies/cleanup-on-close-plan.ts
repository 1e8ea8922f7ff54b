import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../ast/predicates';

/**
 * What `cleanup-on-close` needs to release one piece of work that outlives what started it: an
 * interval, a listener on a longer-lived target, a subscription, an observer, a `pipe` into a
 * response. Three rules attach it (`no-leaked-interval`, `no-leaked-listener`,
 * `require-cleanup-on-disconnect`); each says what was started (`release`) and where its life ends
 * (`end`). The edits do the rest: name what has no name, and put one release at that end.
 *
 * Nodes are the detector's (TSESTree, the codemod's own parse): the edits read their ranges and the
 * source text, never their types. Everything a detector knows from an execution role and a
 * connection end (src/lifetime) fits in here without further analysis.
 */
export interface CleanupOnClosePlan {
  readonly kind: 'cleanup-on-close';
  /**
   * The call that starts the work: `setInterval(…)`, `bus.on(…)`, `signal.addEventListener(…)`,
   * `observer.observe(…)`, `source$.subscribe(…)`, `src.pipe(res)`. The release is registered right
   * after the statement that holds it (for `finally`: the statements after it are wrapped).
   */
  readonly start: TSESTree.CallExpression;
  readonly release: WorkRelease;
  readonly end: WorkEnd;
}

/**
 * How the work is named where the release runs. A dropped handle (`setInterval(…);`) or an inline
 * listener (`bus.on('order', (o) => …)`) has no name to release it by: the edits name it first
 * (`const tick = setInterval(…);`, `const onOrder = (o) => …; bus.on('order', onOrder);`).
 */
export type WorkReference =
  /** Already reachable by this expression where the release goes: `timer`, `this.timer`, `onKey`, `unsubscribe`. */
  | { readonly kind: 'named'; readonly text: string }
  /**
   * To be named `proposedName` (the edits pick a free variant: `onOrder2`). `value` is the expression
   * to name: the start call itself (through `.unref()` chains) for a handle, the inline function for a
   * listener. `parameterType`: in TypeScript, the annotation that keeps an inline listener's
   * parameters what the add-listener signature made them once it is hoisted out of its argument
   * position (`any` for an EventEmitter's `(...args: any[]) => void`, `WindowEventMap['keydown']`);
   * absent in JavaScript.
   */
  | { readonly kind: 'unnamed'; readonly value: TSESTree.Node; readonly proposedName: string; readonly parameterType?: string };

/** What releases the work. */
export type WorkRelease =
  /** `clearInterval(timer)` / `clearTimeout(timer)`. */
  | { readonly kind: 'clear-timer'; readonly clear: 'clearInterval' | 'clearTimeout'; readonly handle: WorkReference }
  /**
   * `bus.off('order', onOrder)`, `window.removeEventListener('keydown', onKey, options)`: the same
   * target, event and function reference as the add. `target` and `event` are the add's own nodes
   * (their text is reused); `capture` is the add's options argument when it may hold `capture`.
   */
  | {
      readonly kind: 'remove-listener';
      readonly target: TSESTree.Node;
      readonly event: TSESTree.Node;
      readonly listener: WorkReference;
      readonly method: 'off' | 'removeListener' | 'removeEventListener';
      readonly capture?: TSESTree.Node;
    }
  /** `const unsubscribe = store.subscribe(…)`: call what the start returned, `unsubscribe()`. */
  | { readonly kind: 'call-returned'; readonly handle: WorkReference }
  /**
   * A method of what the start returned or acted on: `subscription.unsubscribe()`,
   * `disposable.dispose()`, `observer.disconnect()`, `stream.destroy()`, `controller.abort()`.
   */
  | { readonly kind: 'call-method'; readonly handle: WorkReference; readonly method: string }
  /**
   * `src.pipe(res)` → `pipeline(src, res, callback)` from node:stream: pipeline destroys the source
   * when the response closes early (a client that left), which `pipe` never does. `end` is then
   * `{ kind: 'pipeline' }`. `source` and `destination` are the pipe's own nodes.
   */
  | { readonly kind: 'pipe-to-pipeline'; readonly source: TSESTree.Node; readonly destination: TSESTree.Node };

/** Where the work's life ends: the place the release goes. */
export type WorkEnd =
  /**
   * A connection's end events, right after the start: `req.on('close', () => clearInterval(timer))`.
   * `object` is the expression that emits them where the start is (`req`, `res`, `ctx.req`,
   * `request.raw`, `socket`, `call`), `events` what ends it: node:http/ws/net `close`, socket.io
   * `disconnect`, grpc-js `cancelled` and `close` (one registration per event). As
   * `ConnectionEnd` (src/lifetime/connection-end) says with `kind: 'event'`, its path joined.
   */
  | { readonly kind: 'connection-event'; readonly object: string; readonly events: readonly string[] }
  /**
   * An `AbortSignal` that ends the connection or call (`ConnectionEnd` `abort-signal`): `signal` is
   * its expression where the start is. The release runs on `abort`, `{ once: true }`.
   */
  | { readonly kind: 'abort-event'; readonly signal: string }
  /** A React effect: its returned cleanup runs on unmount and before the effect runs again. */
  | { readonly kind: 'effect-cleanup'; readonly effect: FunctionNode }
  /**
   * The call settles: the statements of `fn` after the start go into `try { … } finally { release }`.
   * For a listener a call adds to its caller's `AbortSignal`; `fn` must be async (a sync function
   * returning a promise ends before the work does: that is `none`).
   */
  | { readonly kind: 'call-settles'; readonly fn: FunctionNode }
  /**
   * A slot that gets new work while it may hold live work (`this.timer = setInterval(…)` in a
   * `start()` called twice): release what it holds right before the statement that overwrites it.
   */
  | { readonly kind: 'before-overwrite'; readonly slot: TSESTree.Node }
  /** `pipe-to-pipeline`: pipeline itself watches both ends. */
  | { readonly kind: 'pipeline' }
  /**
   * Nothing in the source ends it (a library method called repeatedly, a constructor): the codemod
   * leaves a `leakguard-todo(cleanup-on-close)` marker naming the release and `where` it belongs
   * ("in a `stop()`/`dispose()` method of the class", "where the caller is done with it").
   */
  | { readonly kind: 'none'; readonly where: string };
