'use strict';
const Redis = require('ioredis');

const REDIS_URL = process.env.REDIS_URL || 'redis://localhost:6379';

function createStreamContext(options) {
  const publisher = options.publisher || new Redis(REDIS_URL);
  const subscriber = options.subscriber || new Redis(REDIS_URL);
  return {
    publish: (channel, message) => publisher.publish(channel, message),
    listen: (channel) => subscriber.subscribe(channel),
  };
}

module.exports = { createStreamContext };
