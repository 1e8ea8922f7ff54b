const opcua = require('node-opcua');

async function readValue(endpointUrl, nodeId) {
  /* leakguard-todo(singleton-client): it connects the client on every call (`client.connect(endpointUrl)`), and a shared client rejects a second connect (its connect uses `endpointUrl`, a value of this call): connect it once where it is created (a promise of the connected client) or pass a connected client in */
  const client = opcua.OPCUAClient.create({ endpointMustExist: false });
  await client.connect(endpointUrl);
  const session = await client.createSession();
  try {
    return await session.read({ nodeId, attributeId: opcua.AttributeIds.Value });
  } finally {
    await session.close();
  }
}

module.exports = { readValue };
