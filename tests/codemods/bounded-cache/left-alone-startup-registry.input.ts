// codemod-unchanged: filled once at start-up, so it is not a cache
type Handler = (body: string) => string;
const handlers = new Map<string, Handler>();

function register(name: string, handler: Handler): void {
  handlers.set(name, handler);
}

register('echo', (body) => body);

export function dispatch(name: string, body: string): string | undefined {
  return handlers.get(name)?.(body);
}
