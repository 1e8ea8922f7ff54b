const profiles = new Map<string, string | undefined>();

export function remember(id: string, bio: string | undefined): void {
  profiles.set(id, bio);
}
