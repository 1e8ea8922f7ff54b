const { randomUUID } = require('node:crypto');

const sessions = new Map();

function startSession(userId) {
  const token = randomUUID();
  sessions.set(token, { userId });
  return token;
}

module.exports = { sessions, startSession };
