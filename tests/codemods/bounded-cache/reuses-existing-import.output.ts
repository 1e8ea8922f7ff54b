import { LRUCache } from 'lru-cache';

const tokens = new LRUCache<string, string>({ max: 100 });
const sessions = new LRUCache<string, number>({ max: 1000 });

export function login(user: string, token: string): void {
  tokens.set(user, token);
  sessions.set(token, Date.now());
}
