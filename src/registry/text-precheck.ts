import type { Registry } from './registry';
import type { ResourceKind } from './resource-entry';

const namesByRegistry = new WeakMap<Registry, Map<ResourceKind, readonly string[]>>();

/** Every name an acquisition of these kinds must spell out in untyped code: factories, classes, methods. */
function acquisitionNames(registry: Registry, kind: ResourceKind): readonly string[] {
  let byKind = namesByRegistry.get(registry);
  if (!byKind) {
    byKind = new Map();
    namesByRegistry.set(registry, byKind);
  }
  const cached = byKind.get(kind);
  if (cached) return cached;
  const names = new Set<string>();
  for (const entry of registry.entries) {
    if (entry.kind !== kind) continue;
    for (const type of entry.types ?? []) names.add(type.name.split('.').pop()!);
    for (const made of entry.constructedWith ?? []) if ('name' in made) names.add(made.name.split('.').pop()!);
    for (const family of entry.constructorFamilies ?? []) names.add(family.packagePrefix);
    for (const factory of entry.factories ?? []) {
      if ('method' in factory) {
        names.add(factory.method);
        continue;
      }
      const name = factory.name.split('.').pop()!;
      // `import Redis from 'ioredis'`: a default export goes by any local name, but its import names the package.
      names.add(name === 'default' ? factory.package : name);
    }
  }
  const list = [...names];
  byKind.set(kind, list);
  return list;
}

/**
 * The cheap text pre-check before any AST work (eslint-react does the same): without type
 * information an acquisition names its factory or class, so a file that mentions none of them
 * has nothing to find.
 */
export function mayMentionAcquisition(text: string, registry: Registry, kind: ResourceKind): boolean {
  return acquisitionNames(registry, kind).some((name) => text.includes(name));
}
