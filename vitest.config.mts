import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'tests/**/fixtures/**'],
    // Typed linting builds TypeScript programs: the first test in a file pays for it.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
