import rule from '../../rules/no-unbounded-cache';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Pending requests keyed by an id the code makes, whose timer does not delete the entry itself but
 * hands a made-up reply carrying that id to the same handler real replies go through
 * (`this.processResponse({ requestId }, true)`, soketi's horizontal adapter): the handler's delete then
 * names the entry on the timeout path too. A timer that hands over some other id deletes nothing of
 * the request's.
 */
const adapter = (timerReply: string) => `
import { randomUUID } from 'node:crypto';
type Pending = { resolve: (value: number) => void; timer: NodeJS.Timeout; count: number };
export class HorizontalAdapter {
  private requests = new Map<string, Pending>();
  request(send: (message: string) => void): Promise<number> {
    return new Promise((resolve) => {
      const requestId = randomUUID();
      const timer = setTimeout(() => this.processResponse(${timerReply}, true), 5000);
      this.requests.set(requestId, { resolve, timer, count: 0 });
      send(JSON.stringify({ requestId }));
    });
  }
  onMessage(raw: string): void {
    this.processResponse(JSON.parse(raw) as { requestId: string }, false);
  }
  private processResponse(response: { requestId: string }, forceResolve: boolean): void {
    const request = this.requests.get(response.requestId);
    if (!request) return;
    request.count++;
    if (forceResolve || request.count >= 3) {
      clearTimeout(request.timer);
      request.resolve(request.count);
      this.requests.delete(response.requestId);
    }
  }
}`;

const valid = [{ name: "the timer hands the request's own id to the reply handler, which deletes it", code: adapter('{ requestId }') }];

const invalid = [
  {
    name: 'the timer hands over a fixed id: a timed-out request stays',
    code: adapter("{ requestId: 'timeout' }"),
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 5 }],
  },
];

typedRuleTester().run('no-unbounded-cache (timers that reply through the handler, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-unbounded-cache (timers that reply through the handler, untyped)', rule, { valid, invalid });
