const { Kafka } = require('kafkajs');

// Every message makes a new producer in the module slot; the previous one stays connected.
let producer;

async function produceMessage(topic, value) {
  producer = new Kafka({ brokers: ['kafka:9092'] }).producer();
  await producer.connect();
  await producer.send({ topic, messages: [{ value }] });
}

async function disconnect() {
  await producer.disconnect();
}

module.exports = { produceMessage, disconnect };
