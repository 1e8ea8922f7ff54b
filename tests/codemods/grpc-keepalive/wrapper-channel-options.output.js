const { MilvusClient } = require('@zilliz/milvus2-sdk-node')

const milvus = new MilvusClient({
  address: 'milvus:19530',
  channelOptions: {
    'grpc.keepalive_time_ms': 300000,
    'grpc.keepalive_timeout_ms': 10000,
    'grpc.max_receive_message_length': 64 * 1024 * 1024,
  },
})

module.exports = { milvus }
