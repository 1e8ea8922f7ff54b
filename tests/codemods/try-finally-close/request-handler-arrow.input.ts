import http from 'node:http';
import { open } from 'node:fs/promises';

export const server = http.createServer(async (request, response) => {
  const page = await open(new URL(request.url ?? '/', 'file:///srv/www/').pathname);
  const { size } = await page.stat();
  response.writeHead(200, { 'content-type': 'text/html', 'content-length': size });
  response.end(await page.readFile());
  await page.close();
});
