import type { IncomingMessage, ServerResponse } from 'node:http';

interface Preview {
  readonly url: string;
  readonly html: string;
}

// The type is given to the empty object, not to the declaration.
const previews = {} as Record<string, Promise<Preview>>;

export function handlePreview(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '/';
  if (!(url in previews)) previews[url] = Promise.resolve({ url, html: `<a href="${url}"></a>` });
  void previews[url].then((preview) => res.end(preview.html));
}
