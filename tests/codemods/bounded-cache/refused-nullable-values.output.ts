/* leakguard-todo(bounded-cache): `string | undefined` admits null or undefined, which lru-cache's `LRUCache<K extends {}, V extends {}>` rejects */
const profiles = new Map<string, string | undefined>();

export function remember(id: string, bio: string | undefined): void {
  profiles.set(id, bio);
}
