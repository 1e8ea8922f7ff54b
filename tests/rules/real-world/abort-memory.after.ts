const ABORT_MEMORY = new Map<string, boolean>();
const MAX_ABORT_ENTRIES = 10_000;

export function setAbortMemory(key: string, value: boolean): void {
  if (!value) {
    ABORT_MEMORY.delete(key);
    return;
  }
  if (ABORT_MEMORY.size >= MAX_ABORT_ENTRIES && !ABORT_MEMORY.has(key)) {
    const oldest = ABORT_MEMORY.keys().next().value;
    if (oldest !== undefined) ABORT_MEMORY.delete(oldest);
  }
  ABORT_MEMORY.set(key, value);
}

export function getAbortMemory(key: string): boolean | undefined {
  return ABORT_MEMORY.get(key);
}
