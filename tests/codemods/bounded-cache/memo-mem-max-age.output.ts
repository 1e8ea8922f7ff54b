import mem from 'mem';
import { LRUCache } from 'lru-cache';

declare function queryRoles(userId: string): Promise<string[]>;

export const getRoles = mem(async (userId: string) => queryRoles(userId), { maxAge: 10_000, cache: new LRUCache({ max: 1000 }) });

export async function isStaff(userId: string): Promise<boolean> {
  return (await getRoles(userId)).includes('staff');
}
