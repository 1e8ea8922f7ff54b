import memoize from 'lodash/memoize';

const resolveCached = memoize((context: { project: string; env: string }) => `${context.project}/${context.env}`);

export function resolveFor(project: string, env: string): string {
  return resolveCached({ project, env });
}
