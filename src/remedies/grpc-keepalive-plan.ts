import type { TSESTree } from '@typescript-eslint/utils';

/** Where `grpc-keepalive` puts the keepalive options of one server, client, channel or wrapper. */
export type KeepalivePlacement =
  /** Into the options literal the site passes or configures (`{ 'grpc.max_…': 1 }` → with keepalive first). */
  | { readonly kind: 'merge'; readonly options: TSESTree.ObjectExpression }
  /** A new options argument: `new Server()` → `new Server({ … })`, `new Client(address, credentials)` → a third argument. */
  | { readonly kind: 'append'; readonly construction: TSESTree.NewExpression };

/** What `grpc-keepalive` needs to give one finding of `leakguard/grpc-require-keepalive` keepalive. */
export interface GrpcKeepalivePlan {
  readonly kind: 'grpc-keepalive';
  /** A server pings its clients; a client (or channel, or a wrapper's channel options) pings its server. */
  readonly side: 'server' | 'client';
  readonly placement: KeepalivePlacement;
  /** The keys the options already have: none of them is overwritten. */
  readonly present: readonly string[];
}
