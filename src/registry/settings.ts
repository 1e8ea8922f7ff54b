import { defaultRegistry } from './default-registry';
import { defaultOwners, type DeadlineWrapper, type OwnerFunction, type Registry } from './registry';
import type { ResourceEntry, ResourceKind } from './resource-entry';

/**
 * `settings.leakguard`, shared by every rule and codemod:
 * ```js
 * settings: { leakguard: {
 *   resources: [{ description: 'blob lease', kind: 'handle',
 *                 types: [{ from: 'package', package: '@acme/blob', name: 'Lease' }],
 *                 releases: [{ method: 'release', async: true }] }],
 *   owners: [{ package: '@acme/streams', name: 'consume' }],
 *   deadlineWrappers: [{ name: 'withDeadline' }, { package: '@acme/grpc', name: 'createClient' }],
 * } }
 * ```
 */
export interface LeakguardSettings {
  readonly resources?: readonly ResourceEntry[];
  readonly owners?: readonly OwnerFunction[];
  /** Functions that give gRPC calls a default deadline (`grpc-call-deadline`). */
  readonly deadlineWrappers?: readonly DeadlineWrapper[];
}

export class SettingsError extends Error {
  constructor(key: string, problem: string) {
    super(`Invalid settings.leakguard${key ? `.${key}` : ''}: ${problem}`);
    this.name = 'SettingsError';
  }
}

const KINDS: readonly ResourceKind[] = ['client', 'handle', 'collection', 'timer', 'listener'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function requireString(value: unknown, key: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new SettingsError(key, 'expected a non-empty string');
  return value;
}

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], key: string): void {
  for (const name of Object.keys(value)) {
    const path = key ? `${key}.${name}` : name;
    if (!allowed.includes(name)) throw new SettingsError(path, `unknown key (expected one of ${allowed.join(', ')})`);
  }
}

function validateDeclaration(value: unknown, key: string): void {
  if (!isRecord(value)) throw new SettingsError(key, 'expected an object like { from: "package", package, name }');
  if (value.from === 'package') {
    onlyKeys(value, ['from', 'package', 'name'], key);
    requireString(value.package, `${key}.package`);
  } else if (value.from === 'lib') {
    onlyKeys(value, ['from', 'name'], key);
  } else if (value.from === 'file') {
    onlyKeys(value, ['from', 'name', 'path'], key);
    if (value.path !== undefined) requireString(value.path, `${key}.path`);
  } else {
    throw new SettingsError(`${key}.from`, 'expected "package", "lib" or "file"');
  }
  requireString(value.name, `${key}.name`);
}

function validateFactory(value: unknown, key: string): void {
  if (!isRecord(value)) throw new SettingsError(key, 'expected an object');
  if (value.async !== undefined && typeof value.async !== 'boolean') throw new SettingsError(`${key}.async`, 'expected a boolean');
  if ('method' in value) {
    onlyKeys(value, ['method', 'receiver', 'async'], key);
    requireString(value.method, `${key}.method`);
    validateDeclaration(value.receiver, `${key}.receiver`);
  } else {
    onlyKeys(value, ['from', 'package', 'name', 'async'], key);
    if (value.from !== 'package') throw new SettingsError(`${key}.from`, 'expected "package" (or use { method, receiver })');
    requireString(value.package, `${key}.package`);
    requireString(value.name, `${key}.name`);
  }
}

function validateRelease(value: unknown, key: string): void {
  if (!isRecord(value)) throw new SettingsError(key, 'expected an object');
  if ('method' in value) {
    onlyKeys(value, ['method', 'async'], key);
    requireString(value.method, `${key}.method`);
  } else if ('function' in value) {
    onlyKeys(value, ['function', 'async'], key);
    if (!isRecord(value.function)) throw new SettingsError(`${key}.function`, 'expected { package, name }');
    onlyKeys(value.function, ['package', 'name'], `${key}.function`);
    requireString(value.function.package, `${key}.function.package`);
    requireString(value.function.name, `${key}.function.name`);
  } else if ('listener' in value) {
    onlyKeys(value, ['listener'], key);
    requireString(value.listener, `${key}.listener`);
  } else {
    throw new SettingsError(key, 'expected { method }, { function } or { listener }');
  }
  if (value.async !== undefined && typeof value.async !== 'boolean') throw new SettingsError(`${key}.async`, 'expected a boolean');
}

function validateEntry(value: unknown, key: string): ResourceEntry {
  if (!isRecord(value)) throw new SettingsError(key, 'expected an object');
  onlyKeys(value, ['description', 'kind', 'types', 'factories', 'releases', 'borrowedOptions', 'quietMethods', 'chainingMethods'], key);
  for (const field of ['borrowedOptions', 'quietMethods', 'chainingMethods'] as const) {
    const list = value[field];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new SettingsError(`${key}.${field}`, 'expected an array of names');
    list.forEach((item, index) => requireString(item, `${key}.${field}[${index}]`));
  }
  requireString(value.description, `${key}.description`);
  if (!KINDS.includes(value.kind as ResourceKind)) throw new SettingsError(`${key}.kind`, `expected one of ${KINDS.join(', ')}`);
  for (const [field, validate] of [
    ['types', validateDeclaration],
    ['factories', validateFactory],
    ['releases', validateRelease],
  ] as const) {
    const list = value[field];
    if (list === undefined && field !== 'releases') continue;
    if (!Array.isArray(list)) throw new SettingsError(`${key}.${field}`, 'expected an array');
    list.forEach((item, index) => validate(item, `${key}.${field}[${index}]`));
  }
  if (!value.types && !value.factories) throw new SettingsError(key, 'needs `types` or `factories` to recognise the resource');
  return value as unknown as ResourceEntry;
}

function validateDeadlineWrappers(value: unknown): DeadlineWrapper[] {
  if (!Array.isArray(value)) throw new SettingsError('deadlineWrappers', 'expected an array');
  return value.map((wrapper, index) => {
    const key = `deadlineWrappers[${index}]`;
    if (!isRecord(wrapper)) throw new SettingsError(key, 'expected { name } or { package, name }');
    onlyKeys(wrapper, ['package', 'name'], key);
    const name = requireString(wrapper.name, `${key}.name`);
    return wrapper.package === undefined ? { name } : { package: requireString(wrapper.package, `${key}.package`), name };
  });
}

/**
 * Validated once per settings object: ESLint hands every file of one config the same object. Weak,
 * so an editor's long-lived ESLint server does not keep every settings object it ever saw.
 */
const resolved = new WeakMap<object, Registry>();
const defaults: Registry = { entries: defaultRegistry, owners: defaultOwners };

/** The registry for these settings (`settings.leakguard`), validated with errors naming the bad key. */
export function resolveRegistry(settings: unknown): Registry {
  if (settings === undefined) return defaults;
  if (!isRecord(settings)) throw new SettingsError('', 'expected an object with `resources`, `owners` and/or `deadlineWrappers`');
  const cached = resolved.get(settings);
  if (cached) return cached;
  onlyKeys(settings, ['resources', 'owners', 'deadlineWrappers'], '');
  let resources: ResourceEntry[] = [];
  let owners: OwnerFunction[] = [];
  if (settings.resources !== undefined) {
    if (!Array.isArray(settings.resources)) throw new SettingsError('resources', 'expected an array');
    resources = settings.resources.map((entry, index) => validateEntry(entry, `resources[${index}]`));
  }
  if (settings.owners !== undefined) {
    if (!Array.isArray(settings.owners)) throw new SettingsError('owners', 'expected an array');
    owners = settings.owners.map((owner, index) => {
      const ownerKey = `owners[${index}]`;
      if (!isRecord(owner)) throw new SettingsError(ownerKey, 'expected { package, name }');
      onlyKeys(owner, ['package', 'name'], ownerKey);
      return { package: requireString(owner.package, `${ownerKey}.package`), name: requireString(owner.name, `${ownerKey}.name`) };
    });
  }
  const deadlineWrappers = settings.deadlineWrappers === undefined ? undefined : validateDeadlineWrappers(settings.deadlineWrappers);
  const registry: Registry = { entries: [...resources, ...defaultRegistry], owners: [...owners, ...defaultOwners], ...(deadlineWrappers ? { deadlineWrappers } : {}) };
  resolved.set(settings, registry);
  return registry;
}
