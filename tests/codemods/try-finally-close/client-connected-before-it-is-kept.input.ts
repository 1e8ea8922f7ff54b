// A client the cache keeps only once it has answered: a failed ping must not drop it open.
import { createClient } from 'redis';
class Store {
  constructor(readonly client: ReturnType<typeof createClient>) {}
}
const stores: Record<string, Store> = {};
export async function storeFor(url: string) {
  if (!stores[url]) {
    const client = createClient({ url });
    await client.connect();
    await client.ping();
    stores[url] = new Store(client);
  }
  return stores[url];
}
