import http from 'node:http';

export function send(url: string, body: string): void {
  const req = http.request(url, { method: 'POST', agent: new http.Agent({ keepAlive: true }) }, (res) => res.resume());
  req.end(body);
}
