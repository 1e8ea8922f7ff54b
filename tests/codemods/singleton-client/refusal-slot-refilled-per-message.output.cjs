const { Kafka } = require('kafkajs');

// Every message makes a new producer in the module slot; the previous one stays connected.
let producer;

async function produceMessage(topic, value) {
  /* leakguard-todo(singleton-client): the client is stored in `producer` and replaced on every call; create it once (in the constructor, at start-up, or lazily with `??=`) and reuse it */
  producer = new Kafka({ brokers: ['kafka:9092'] }).producer();
  await producer.connect();
  await producer.send({ topic, messages: [{ value }] });
}

async function disconnect() {
  await producer.disconnect();
}

module.exports = { produceMessage, disconnect };
