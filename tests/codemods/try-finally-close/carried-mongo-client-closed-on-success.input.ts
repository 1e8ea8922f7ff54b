import { MongoClient } from 'mongodb';
async function connect(url: string) {
  const client = new MongoClient(url);
  await client.connect();
  return { client, db: client.db('app') };
}
export async function countUsers(url: string) {
  const { client, db } = await connect(url);
  const count = await db.collection('users').countDocuments();
  await client.close();
  return count;
}