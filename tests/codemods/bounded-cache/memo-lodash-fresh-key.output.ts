import memoize from 'lodash/memoize';
import { LRUCache } from 'lru-cache';

const resolveCached = memoize((context: { project: string; env: string }) => `${context.project}/${context.env}`);
resolveCached.cache = new LRUCache({ max: 1000 });

export function resolveFor(project: string, env: string): string {
  return resolveCached({ project, env });
}
