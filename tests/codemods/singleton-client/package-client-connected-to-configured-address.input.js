const opcua = require('node-opcua');

async function readValue(nodeId) {
  const client = opcua.OPCUAClient.create({ endpointMustExist: false });
  await client.connect(process.env.OPCUA_ENDPOINT_URL);
  const session = await client.createSession();
  try {
    return await session.read({ nodeId, attributeId: opcua.AttributeIds.Value });
  } finally {
    await session.close();
  }
}

module.exports = { readValue };
