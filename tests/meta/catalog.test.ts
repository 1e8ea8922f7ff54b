import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../src/descriptors/catalog';
import { catalogProblems } from './catalog-checks';

const repoRoot = path.resolve(__dirname, '..', '..');

describe('the shipped catalog', () => {
  it('is complete: files, generated doc headers, option headings, doc examples, tests and fixtures, no scaffold reminders', () => {
    expect(catalogProblems(repoRoot, shippedCatalog)).toEqual([]);
  });
});
