const { createClient } = require('redis');

let client;

function getRedisClient() {
	if (!client) {
		client = createClient({ url: process.env.REDIS_URL });
		client.on('error', (error) => console.error(error));
	}
	return client;
}

class RateLimit {
	constructor(prefix) {
		this.prefix = prefix;
		this.redis = getRedisClient();
	}

	async inc(bucket) {
		await this.redis.incrBy(this.prefix + bucket, 1);
	}
}

async function checkRateLimit(type) {
	const limiter = new RateLimit(type);
	await limiter.inc('now');
	return limiter;
}

module.exports = { checkRateLimit };
