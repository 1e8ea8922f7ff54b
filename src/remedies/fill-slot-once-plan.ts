import type { TSESTree } from '@typescript-eslint/utils';

/**
 * A long-lived slot that its filler fills anew on every call (`singleton = createRedisInstance();
 * …; return singleton;`): the filler's statements from the fill on go under `if (!<slot>) { … }`, so
 * the client is made, and set up, once and reused — what blurts-server's and kin's fixes did. Only
 * when what the fill and its set-up read is the same on every call.
 */
export interface FillSlotOncePlan {
  readonly kind: 'fill-slot-once';
  /** The slot as code writes it: `singleton`, `this.client`. */
  readonly slot: string;
  /** The fill, and the last statement of its set-up: a run of statements of the filler's body. */
  readonly first: TSESTree.Statement;
  readonly last: TSESTree.Statement;
}
