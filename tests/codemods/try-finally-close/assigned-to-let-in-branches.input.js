const { Kafka } = require('kafkajs');

const kafka = new Kafka({ clientId: 'events', brokers: ['127.0.0.1:9092'] });
let shared;

async function publish(topic, messages, reuse) {
  let producer;
  if (reuse) {
    shared = shared || kafka.producer();
    producer = shared;
  } else {
    producer = kafka.producer();
  }
  await producer.connect();

  for (const message of messages) {
    await producer.send({ topic, messages: [message] });
  }

  if (!reuse) {
    await producer.disconnect();
  }
}

module.exports = { publish };
