/** Every codemod, the rule whose findings it rewrites, and what it does. `leakguard list` prints this. */
export interface CodemodInfo {
  readonly name: string;
  /** The paired rule, without the `leakguard/` prefix. */
  readonly rule: string;
  readonly description: string;
}

export const codemods: readonly CodemodInfo[] = [
  {
    name: 'try-finally-close',
    rule: 'require-close',
    description: 'Moves the use of a handle into `try { … } finally { <release> }` (or `using` with --style using).',
  },
];

export function findCodemod(name: string): CodemodInfo | undefined {
  return codemods.find((codemod) => codemod.name === name);
}
