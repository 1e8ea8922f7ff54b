const opcua = require('node-opcua');

let client;

function getClient() {
  return (client ??= (async () => {
    const client = opcua.OPCUAClient.create({ endpointMustExist: false });
    await client.connect(process.env.OPCUA_ENDPOINT_URL);
    return client;
  })().catch((error) => {
    client = undefined;
    throw error;
  }));
}

/** Closes the shared client on graceful shutdown; the next `getClient()` creates a new one. */
async function closeClient() {
  const current = client;
  client = undefined;
  (await current)?.disconnect();
}

async function readValue(nodeId) {
  const client = await getClient();
  const session = await client.createSession();
  try {
    return await session.read({ nodeId, attributeId: opcua.AttributeIds.Value });
  } finally {
    await session.close();
  }
}

module.exports = { readValue };
module.exports.closeClient = closeClient;
