import rule from '../../rules/no-unbounded-cache';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * MCP servers keep one transport per session in a map. The SDK's streamable HTTP transports call
 * `onsessionclosed` — and, for those transports, `onclose` — only when a client ends its session with
 * an explicit DELETE (or the server closes it); a client that just goes away ends neither, so a map
 * whose only delete sits there keeps every abandoned session. A sweep of idle sessions bounds it, and
 * so does the SSE transport's `onclose`, which follows the response's `close`. Real SDK types, both modes.
 */
const valid = [
  {
    name: 'sessions also swept when idle are bounded',
    code: `
import { randomUUID } from 'node:crypto';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { IncomingMessage, ServerResponse } from 'node:http';

const sessions = new Map<string, { transport: StreamableHTTPServerTransport; lastUsed: number }>();

setInterval(() => {
  for (const [id, session] of sessions) {
    if (Date.now() - session.lastUsed > 30 * 60_000) {
      void session.transport.close();
      sessions.delete(id);
    }
  }
}, 60_000).unref();

export async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    onsessioninitialized: (id) => {
      sessions.set(id, { transport, lastUsed: Date.now() });
    },
    onsessionclosed: (id) => {
      sessions.delete(id);
    },
  });
  await transport.handleRequest(req, res);
}`,
  },
  {
    name: 'an SSE transport ends when its response closes: deleting in its onclose bounds the map',
    code: `
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import type { ServerResponse } from 'node:http';

const transports: Record<string, SSEServerTransport> = {};

export async function openStream(res: ServerResponse): Promise<void> {
  const transport = new SSEServerTransport('/messages', res);
  transports[transport.sessionId] = transport;
  transport.onclose = () => {
    delete transports[transport.sessionId];
  };
  await transport.start();
}`,
  },
];

const invalid = [
  {
    name: 'sessions deleted only in onsessionclosed stay when their clients just leave',
    code: `
import { randomUUID } from 'node:crypto';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { IncomingMessage, ServerResponse } from 'node:http';

const sessions = new Map<string, StreamableHTTPServerTransport>();

export async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const id = req.headers['mcp-session-id'];
  const known = typeof id === 'string' ? sessions.get(id) : undefined;
  if (known) return known.handleRequest(req, res);
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    onsessioninitialized(sessionId) {
      sessions.set(sessionId, transport);
    },
    onsessionclosed(sessionId) {
      sessions.delete(sessionId);
    },
  });
  await transport.handleRequest(req, res);
}`,
    errors: [{ messageId: 'unboundedCache' as const, line: 6 }],
  },
  {
    name: "transports deleted only in a streamable transport's onclose stay when their clients just leave",
    code: `
import { randomUUID } from 'node:crypto';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { IncomingMessage, ServerResponse } from 'node:http';

const transports: { [sessionId: string]: StreamableHTTPServerTransport } = {};

export async function handle(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
  const sessionId = req.headers['mcp-session-id'] as string | undefined;
  let transport: StreamableHTTPServerTransport;
  if (sessionId && transports[sessionId]) {
    transport = transports[sessionId];
  } else {
    transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        transports[id] = transport;
      },
    });
    transport.onclose = () => {
      if (transport.sessionId) delete transports[transport.sessionId];
    };
  }
  await transport.handleRequest(req, res, body);
}`,
    errors: [{ messageId: 'unboundedCache' as const, line: 6 }],
  },
];

typedRuleTester().run('no-unbounded-cache (sessions a client must end, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-unbounded-cache (sessions a client must end, untyped)', rule, { valid, invalid });
