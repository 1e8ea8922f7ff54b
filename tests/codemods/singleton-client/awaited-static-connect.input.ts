import { MongoClient } from 'mongodb';

export async function addReminder(text: string): Promise<void> {
  const client = await MongoClient.connect('mongodb://127.0.0.1:27017');
  await client.db('bot').collection('reminders').insertOne({ text });
}
