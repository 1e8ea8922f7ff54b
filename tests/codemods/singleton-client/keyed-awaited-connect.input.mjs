import { MongoClient } from 'mongodb';

export async function countOrders(tenant) {
  const client = await MongoClient.connect(tenant.mongoUrl);
  return client.db(tenant.name).collection('orders').countDocuments();
}
