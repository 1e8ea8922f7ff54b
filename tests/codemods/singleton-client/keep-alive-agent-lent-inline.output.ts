import http from 'node:http';

let sharedAgent: InstanceType<typeof http.Agent> | undefined;

function getSharedAgent(): InstanceType<typeof http.Agent> {
  return (sharedAgent ??= new http.Agent({ keepAlive: true }));
}

/** Closes the shared client on graceful shutdown; the next `getSharedAgent()` creates a new one. */
export function closeSharedAgent(): void {
  sharedAgent?.destroy();
  sharedAgent = undefined;
}

export function send(url: string, body: string): void {
  const req = http.request(url, { method: 'POST', agent: getSharedAgent() }, (res) => res.resume());
  req.end(body);
}
