import type { IncomingMessage, ServerResponse } from 'node:http';
import { LRUCache } from 'lru-cache';

interface Preview {
  readonly url: string;
  readonly html: string;
}

// The type is given to the empty object, not to the declaration.
const previews = new LRUCache<string, Promise<Preview>>({ max: 1000 });

export function handlePreview(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '/';
  if (!previews.has(url)) previews.set(url, Promise.resolve({ url, html: `<a href="${url}"></a>` }));
  void previews.get(url)!.then((preview) => res.end(preview.html));
}
