import type { IncomingMessage, ServerResponse } from 'node:http';
import { LRUCache } from 'lru-cache';

interface Visit {
  count: number;
  last: number;
}

// The record's type is an interface of this file with one index signature.
interface VisitsByIp {
  [ip: string]: Visit;
}

const visits: LRUCache<string, Visit> = new LRUCache<string, Visit>({ max: 1000 });

export function countVisit(req: IncomingMessage, res: ServerResponse): void {
  const ip = req.socket.remoteAddress ?? 'unknown';
  const seen = visits.get(ip)!;
  visits.set(ip, { count: (seen ? seen.count : 0) + 1, last: Date.now() });
  res.end(String(visits.get(ip)!.count));
}
