import { LRUCache } from 'lru-cache';

const tokens = new LRUCache<string, string>({ max: 100 });
const sessions = new Map<string, number>();

export function login(user: string, token: string): void {
  tokens.set(user, token);
  sessions.set(token, Date.now());
}
