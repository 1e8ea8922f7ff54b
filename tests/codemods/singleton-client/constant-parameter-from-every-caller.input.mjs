import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';

// `createStore` is private to this module and its only caller passes the same module-level
// configuration every time: the client can be made from that value, once.
const createStore = (conf, { tableName }) => {
  const client = new DynamoDBClient(conf);
  return { put: (item) => client.send(new PutItemCommand({ TableName: tableName, Item: item })) };
};

export const handler = async (event) => {
  const region = process.env.AWS_REGION ?? 'us-west-2';
  const store = createStore({ region }, { tableName: process.env.TABLE_NAME });
  for (const record of event.Records) await store.put(JSON.parse(record.body));
};
