const hits: { [path: string]: number } = {};

export function countHit(path: string): number {
  hits[path] = (hits[path] ?? 0) + 1;
  return hits[path];
}
