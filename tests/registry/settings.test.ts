import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { resolveRegistry, SettingsError } from '../../src/registry/settings';

const plugin = { rules } as unknown as NonNullable<Linter.Config['plugins']>[string];

function lint(code: string, settings: unknown, options?: unknown): Linter.LintMessage[] {
  return new Linter().verify(
    code,
    [
      {
        files: ['**/*.js'],
        plugins: { leakguard: plugin },
        rules: { 'leakguard/require-close': options === undefined ? 'error' : ['error', options] },
        settings: { leakguard: settings },
      },
    ],
    'lease.js',
  );
}

const leaseCode = `import { acquire } from '@acme/lease';
export async function renew(id) {
  const lease = await acquire(id);
  await lease.extend(60);
  await lease.release();
}`;

describe('settings.leakguard', () => {
  it('adds a resource that every rule then recognises', () => {
    const settings = {
      resources: [
        {
          description: 'lease',
          kind: 'handle',
          factories: [{ from: 'package', package: '@acme/lease', name: 'acquire', async: true }],
          releases: [{ method: 'release', async: true }],
        },
      ],
    };
    expect(lint(leaseCode, settings).map((message) => message.message)).toEqual([
      'This lease is released only on the success path: `await lease.extend(60)` on line 4 can throw first. Release it in a `finally` block.',
    ]);
    // Without the entry, only the function's own `release()` says it is a resource: the rule still
    // judges it, under a name taken from the code instead of the registry's.
    expect(lint(leaseCode, undefined).map((message) => message.message)).toEqual([
      'This `lease` from `acquire()` is released only on the success path: `await lease.extend(60)` on line 4 can throw first. Release it in a `finally` block.',
    ]);
  });

  it('follows chainingMethods: a builder call on the handle returns the same handle', () => {
    const chained = `import { open } from '@acme/lease';
export function renew(id) {
  const lease = open(id).withTimeout(5);
  try {
    lease.extend(60);
  } finally {
    lease.release();
  }
}`;
    const lease = (chainingMethods?: string[]) => ({
      resources: [
        {
          description: 'lease',
          kind: 'handle',
          factories: [{ from: 'package', package: '@acme/lease', name: 'open' }],
          releases: [{ method: 'release' }],
          ...(chainingMethods ? { chainingMethods } : {}),
        },
      ],
    });
    // Without it, `open(id)` is a handle whose only use is a call leakguard knows nothing of.
    expect(lint(chained, lease()).map((message) => message.message)).toEqual([
      'This lease is never released: call `.release()` in a `finally` block, or hand it to an owner.',
    ]);
    expect(lint(chained, lease(['withTimeout']))).toEqual([]);
    expect(() => resolveRegistry(lease(['withTimeout', 3 as unknown as string]))).toThrow('settings.leakguard.resources[0].chainingMethods');
  });

  it('names the bad key of an invalid entry', () => {
    const invalid = [
      [{ resources: [{ description: 'x', kind: 'socket', factories: [] , releases: [] }] }, 'settings.leakguard.resources[0].kind'],
      [{ resources: [{ description: 'x', kind: 'handle', releases: [] }] }, 'settings.leakguard.resources[0]: needs `types` or `factories`'],
      [{ resources: [{ description: 'x', kind: 'handle', types: [{ from: 'npm', name: 'X' }], releases: [] }] }, 'settings.leakguard.resources[0].types[0].from'],
      [{ resources: [{ description: 'x', kind: 'handle', types: [], releases: [{ methd: 'close' }] }] }, 'settings.leakguard.resources[0].releases[0]'],
      [{ owners: [{ package: 'stream', name: 'pipeline', extra: 1 }] }, 'settings.leakguard.owners[0].extra'],
      [{ resource: [] }, 'settings.leakguard.resource: unknown key'],
      [{ deadlineWrappers: 'withDeadline' }, 'settings.leakguard.deadlineWrappers: expected an array'],
      [{ deadlineWrappers: [{ name: '' }] }, 'settings.leakguard.deadlineWrappers[0].name'],
      [{ deadlineWrappers: [{ name: 'withDeadline', pkg: '@acme/grpc' }] }, 'settings.leakguard.deadlineWrappers[0].pkg: unknown key'],
      ['pipeline', 'settings.leakguard: expected an object'],
    ] as const;
    for (const [settings, message] of invalid) {
      expect(() => resolveRegistry(settings), JSON.stringify(settings)).toThrow(SettingsError);
      expect(() => resolveRegistry(settings)).toThrow(message);
    }
  });

  it('keeps the deadline wrappers it is given, with or without a package', () => {
    const wrappers = [{ name: 'withDeadline' }, { package: '@acme/grpc', name: 'createClient' }];
    expect(resolveRegistry({ deadlineWrappers: wrappers }).deadlineWrappers).toEqual(wrappers);
    expect(resolveRegistry({}).deadlineWrappers).toBeUndefined();
  });

  it('reports an invalid setting through ESLint instead of linting with a guessed registry', () => {
    expect(() => lint(leaseCode, { resources: 'lease' })).toThrow('settings.leakguard.resources: expected an array');
  });

  it("rejects an unknown rule option in ESLint's schema check, naming it", () => {
    expect(() => lint(leaseCode, undefined, { unknownCallsTakeOwnerhip: false })).toThrow(/unknownCallsTakeOwnerhip/);
  });
});
