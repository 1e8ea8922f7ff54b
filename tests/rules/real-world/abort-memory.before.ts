// openclaw/openclaw, src/auto-reply/reply/abort.ts — https://github.com/openclaw/openclaw/issues/6629
// (fix proposed in https://github.com/openclaw/openclaw/pull/6854). The abort flag of every session
// key that ever aborted stays in a module-level Map: `false` is stored, never deleted, and nothing
// in the module removes entries, so a long-running gateway keeps one entry per session ever seen.
// Rule: leakguard/no-unbounded-cache
const ABORT_MEMORY = new Map<string, boolean>();

export function setAbortMemory(key: string, value: boolean): void {
  ABORT_MEMORY.set(key, value);
}

export function getAbortMemory(key: string): boolean | undefined {
  return ABORT_MEMORY.get(key);
}
