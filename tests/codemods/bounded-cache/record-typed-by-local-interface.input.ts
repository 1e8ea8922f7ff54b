import type { IncomingMessage, ServerResponse } from 'node:http';

interface Visit {
  count: number;
  last: number;
}

// The record's type is an interface of this file with one index signature.
interface VisitsByIp {
  [ip: string]: Visit;
}

const visits: VisitsByIp = {};

export function countVisit(req: IncomingMessage, res: ServerResponse): void {
  const ip = req.socket.remoteAddress ?? 'unknown';
  const seen = visits[ip];
  visits[ip] = { count: (seen ? seen.count : 0) + 1, last: Date.now() };
  res.end(String(visits[ip].count));
}
