import { MongoClient } from 'mongodb';

interface ShardConfig {
  readonly url: string;
  readonly database: string;
}

export async function findOrder(shard: ShardConfig, id: string): Promise<unknown> {
  const client = await MongoClient.connect(shard.url);
  return client.db(shard.database).collection('orders').findOne({ id });
}
