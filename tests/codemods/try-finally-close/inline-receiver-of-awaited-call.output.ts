import type { ClientSession, MongoClient } from 'mongodb';

// The session is opened inline and never ended: every transaction leaves a server session behind.
export async function inTransaction(client: MongoClient, work: (session: ClientSession) => Promise<void>): Promise<void> {
  const session = await client.startSession();
  try {
    await session.withTransaction(work);
  } finally {
    await session.endSession();
  }
}
