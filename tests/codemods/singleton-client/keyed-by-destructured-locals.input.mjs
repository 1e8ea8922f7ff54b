import { MongoClient } from 'mongodb';

async function MongoDBFind({ request, connection }) {
  const { query, options } = request;
  const { databaseUri, databaseName, collection, options: clientOptions } = connection;
  const client = new MongoClient(databaseUri, clientOptions);
  await client.connect();
  let result;
  try {
    result = await client.db(databaseName).collection(collection).find(query, options).toArray();
  } catch (error) {
    await client.close();
    throw error;
  }
  await client.close();
  return result;
}

export default MongoDBFind;
