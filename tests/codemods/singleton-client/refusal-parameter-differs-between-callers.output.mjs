import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';

// Two callers pass two regions: the parameter is no constant, and one shared client would serve both.
const createStore = (conf, { tableName }) => {
  /* leakguard-todo(singleton-client): its arguments use `conf`, a parameter whose type is not written down (an object would be a new key on every call): one shared client cannot serve every caller; keep one client per key (a Map keyed by the values that tell clients apart), pass the client in, or close it when done */
  const client = new DynamoDBClient(conf);
  return { put: (item) => client.send(new PutItemCommand({ TableName: tableName, Item: item })) };
};

export const primary = async (item) => createStore({ region: 'us-west-2' }, { tableName: 'orders' }).put(item);

export const replica = async (item) => createStore({ region: 'eu-west-1' }, { tableName: 'orders' }).put(item);
