const { MilvusClient } = require('@zilliz/milvus2-sdk-node')

const milvus = new MilvusClient({
  address: 'milvus:19530',
  channelOptions: {
    'grpc.max_receive_message_length': 64 * 1024 * 1024,
  },
})

module.exports = { milvus }
