'use strict';
const Redis = require('ioredis');

const REDIS_URL = process.env.REDIS_URL || 'redis://localhost:6379';

let publisher;

function getPublisher() {
  return (publisher ??= new Redis(REDIS_URL));
}

/** Closes the shared client on graceful shutdown; the next `getPublisher()` creates a new one. */
async function closePublisher() {
  const current = publisher;
  publisher = undefined;
  await current?.quit();
}

let subscriber;

function getSubscriber() {
  return (subscriber ??= new Redis(REDIS_URL));
}

/** Closes the shared client on graceful shutdown; the next `getSubscriber()` creates a new one. */
async function closeSubscriber() {
  const current = subscriber;
  subscriber = undefined;
  await current?.quit();
}

function createStreamContext(options) {
  const publisher = options.publisher || getPublisher();
  const subscriber = options.subscriber || getSubscriber();
  return {
    publish: (channel, message) => publisher.publish(channel, message),
    listen: (channel) => subscriber.subscribe(channel),
  };
}

module.exports = { createStreamContext };
module.exports.closePublisher = closePublisher;
module.exports.closeSubscriber = closeSubscriber;
