import type { Registry } from '../registry/registry';
import type { ResourceEntry } from '../registry/resource-entry';
import type { ModuleMember } from './module-bindings';

/**
 * The registry's answers by question, kept per registry: in typed mode every call the checker does
 * not match is asked again without types, and on real code the same few names (`new Pool`,
 * `.query`, `.connect`) come back thousands of times — each asked scanned every entry.
 */
export interface RegistryLookups {
  /** The first entry `matches` accepts; `key` must say everything `matches` depends on. */
  find(key: string, matches: (entry: ResourceEntry) => boolean | undefined): ResourceEntry | undefined;
  /** Every entry `matches` accepts; the same contract for `key`. */
  filter(key: string, matches: (entry: ResourceEntry) => boolean | undefined): readonly ResourceEntry[];
}

const lookupsByRegistry = new WeakMap<Registry, RegistryLookups>();

export function registryLookups(registry: Registry): RegistryLookups {
  let lookups = lookupsByRegistry.get(registry);
  if (!lookups) {
    lookups = createLookups(registry);
    lookupsByRegistry.set(registry, lookups);
  }
  return lookups;
}

function createLookups(registry: Registry): RegistryLookups {
  // Keys are names written in the code (modules, members, methods): as many as the program names, not
  // one per call; the registry (one per settings object) owns them and goes with them.
  const found = new Map<string, ResourceEntry | null>();
  const filtered = new Map<string, readonly ResourceEntry[]>();
  return {
    find(key, matches) {
      let entry = found.get(key);
      if (entry === undefined) {
        entry = registry.entries.find((candidate) => matches(candidate)) ?? null;
        found.set(key, entry);
      }
      return entry ?? undefined;
    },
    filter(key, matches) {
      let entries = filtered.get(key);
      if (!entries) {
        entries = registry.entries.filter((candidate) => matches(candidate));
        filtered.set(key, entries);
      }
      return entries;
    },
  };
}

/** `pg` `Pool` → `pg Pool`; a module's default export → `pg `. */
export function memberKey(member: ModuleMember): string {
  return `${member.module} ${member.path.join('.')}`;
}
