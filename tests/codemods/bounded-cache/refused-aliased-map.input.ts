// Grown under two names: neither an LRUCache nor a trim after one name's growth would bound the other's.
const sessions = new Map<string, number>();
const byToken = sessions;

export function open(token: string): void {
  sessions.set(token, Date.now());
}

export function touch(token: string): void {
  byToken.set(token, Date.now());
}
