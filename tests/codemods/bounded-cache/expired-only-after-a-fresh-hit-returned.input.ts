// An expired response is dropped only when the same request comes back.
export class ResponseCache {
  private readonly responses = new Map<string, { at: number; body: string }>();

  async get(fetcher: (key: string) => Promise<string>, key: string, ttlMs: number): Promise<string> {
    const hit = this.responses.get(key);
    if (hit) {
      if (Date.now() - hit.at < ttlMs) return hit.body;
      this.responses.delete(key);
    }
    const body = await fetcher(key);
    this.responses.set(key, { at: Date.now(), body });
    return body;
  }
}
