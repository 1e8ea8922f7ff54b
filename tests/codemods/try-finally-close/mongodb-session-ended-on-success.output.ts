import { MongoClient } from 'mongodb';

const client = new MongoClient('mongodb://localhost:27017');

export async function insert(doc: { id: string }): Promise<void> {
  const session = client.startSession();
  try {
    await client.db('app').collection('users').insertOne(doc, { session });
  } finally {
    await session.endSession();
  }
}
