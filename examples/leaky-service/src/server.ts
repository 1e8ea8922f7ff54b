import { createServer } from 'node:http';
import { loadConfig, readSecret } from './config';
import { countEvents, pool, recordEvents } from './db';
import { exportActor } from './audit-export';
import { readHeader } from './imports';
import { AccessLog, tailLog } from './logs';
import { countRequest, countStatus } from './metrics';

async function main(): Promise<void> {
  let config = await loadConfig(process.env.CONFIG_PATH ?? 'config.json');
  process.env.PGPASSWORD ??= await readSecret(config.databasePasswordFile);
  const accessLog = await AccessLog.open(config.accessLogFile);

  process.on('SIGHUP', () => {
    loadConfig(process.env.CONFIG_PATH ?? 'config.json').then(
      (reloaded) => (config = reloaded),
      (error: unknown) => console.error('config reload failed, keeping the old one', error),
    );
  });

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const respond = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
      countStatus(status);
      void accessLog.write(req.method ?? 'GET', url.pathname, status);
    };

    countRequest(url.pathname, url.searchParams.get('actor') ?? 'anonymous');
    const route = async (): Promise<void> => {
      if (url.pathname === '/events/export') return respond(200, await exportActor(url.searchParams.get('actor') ?? ''));
      if (url.pathname === '/debug/log') return respond(200, tailLog(config.serviceLogFile));
      if (url.pathname === '/imports/validate') {
        const columns = await readHeader(url.searchParams.get('file') ?? '');
        return respond(200, columns.join('\n'));
      }
      if (url.pathname === '/events' && req.method === 'POST') {
        const actor = url.searchParams.get('actor') ?? 'anonymous';
        await recordEvents([{ actor, action: url.searchParams.get('action') ?? 'unknown', at: new Date() }]);
        return respond(201, String(await countEvents(actor)));
      }
      respond(404, 'not found');
    };
    route().catch((error: unknown) => respond(500, String(error)));
  });

  server.listen(config.port);
  process.once('SIGTERM', () => {
    server.close();
    void Promise.all([pool.end(), accessLog.close()]);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
