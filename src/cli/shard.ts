import { createHash } from 'node:crypto';
import path from 'node:path';
import { displayPath } from './display-path';
import type { SourceFileDiscovery } from './file-discovery';
import { UsageError } from './usage-error';

/** `--shard k/n`: this run takes slice `index` (1-based) of `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export function parseShard(text: string): Shard {
  const match = /^([1-9]\d*)\/([1-9]\d*)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index > count) throw new UsageError(`--shard ${text}: expected k/n with 1 ≤ k ≤ n, e.g. --shard 2/4`);
  return { index, count };
}

export function shardText(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/**
 * The discovered files of one shard. A file's slice depends on its own path only (a hash of it,
 * relative to its git work-tree root, else to the working directory), so every job of a CI matrix
 * computes the same partition, and adding or removing a file moves no other file between slices.
 */
export function filesOfShard(discovery: SourceFileDiscovery, shard: Shard): SourceFileDiscovery {
  const roots = discovery.workTrees.map((workTree) => workTree.root);
  return { ...discovery, files: discovery.files.filter((file) => sliceOf(stableName(file, roots), shard.count) === shard.index) };
}

function stableName(file: string, roots: readonly string[]): string {
  const root = roots.find((candidate) => file.startsWith(candidate + path.sep));
  return root === undefined ? displayPath(file) : displayPath(file, root);
}

/** 1-based slice of a name: the first 32 bits of its SHA-1, modulo the slice count. */
export function sliceOf(name: string, count: number): number {
  return (createHash('sha1').update(name).digest().readUInt32BE(0) % count) + 1;
}
