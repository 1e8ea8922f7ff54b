import { MongoClient } from 'mongodb';
async function connect(url: string) {
  const client = new MongoClient(url);
  await client.connect();
  return { client, db: client.db('app') };
}
export async function countUsers(url: string) {
  const { client, db } = await connect(url);
  try {
    const count = await db.collection('users').countDocuments();
    return count;
  } finally {
    await client.close();
  }
}