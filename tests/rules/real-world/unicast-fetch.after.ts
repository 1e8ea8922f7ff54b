// bluesky-social/atproto, packages/internal/fetch-node/src/unicast.ts — https://github.com/bluesky-social/atproto/pull/3819
// ("Fix potential memory leak"), paraphrased. The wrapper fetches through a dispatcher whose lookup
// pins the host's address; when the request did not go through that lookup it throws, without
// cancelling the response body: undici keeps the body (and its connection) until garbage collection.
// Rule: leakguard/consume-response-body
import { lookup } from 'node:dns/promises';

export function unicastFetchWrap(allowed: (address: string) => boolean) {
  return async (input: string, init?: RequestInit): Promise<Response> => {
    let didLookup = false;
    const { hostname } = new URL(input);
    const { address } = await lookup(hostname);
    if (!allowed(address)) throw new Error(`${hostname} resolves to a forbidden address`);
    didLookup = true;
    const response = await fetch(input, init);
    if (!didLookup) {
      await response.body?.cancel();
      throw new Error('Unable to enforce unicast lookup');
    }
    return response;
  };
}
