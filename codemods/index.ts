/** Every codemod, the rule whose findings it rewrites, and what it does. `leakguard list` prints this. */
export interface CodemodInfo {
  readonly name: string;
  /** The paired rule, without the `leakguard/` prefix. */
  readonly rule: string;
  readonly description: string;
  /** Packages the rewritten code imports: the user's project must depend on them. */
  readonly requiredPackages?: readonly string[];
}

export const codemods: readonly CodemodInfo[] = [
  {
    name: 'try-finally-close',
    rule: 'require-close',
    description: 'Moves the use of a handle into `try { … } finally { <release> }` (or `using` with --style using).',
  },
  {
    name: 'singleton-client',
    rule: 'no-client-per-call',
    description: 'Replaces a client created per call by one lazily created module-level client, injected, with an exported close<Name>().',
  },
  {
    name: 'bounded-cache',
    rule: 'no-unbounded-cache',
    description: 'Bounds a long-lived cache: a Map, Set or index-signature object becomes an LRUCache from lru-cache (--max, --ttl); a growing array keeps its newest --max entries.',
    requiredPackages: ['lru-cache'],
  },
];

export function findCodemod(name: string): CodemodInfo | undefined {
  return codemods.find((codemod) => codemod.name === name);
}
