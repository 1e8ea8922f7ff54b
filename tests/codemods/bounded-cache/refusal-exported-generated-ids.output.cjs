const { randomUUID } = require('node:crypto');

/* leakguard-todo(bounded-cache): it is exported: other modules use it as a plain collection */
const sessions = new Map();

function startSession(userId) {
  const token = randomUUID();
  sessions.set(token, { userId });
  return token;
}

module.exports = { sessions, startSession };
