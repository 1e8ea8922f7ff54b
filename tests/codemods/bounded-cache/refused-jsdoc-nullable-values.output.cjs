'use strict';

/**
 * Last error per job, or null once it succeeded.
 * @type {Map<string, { message: string, parent: Error | null } | null>}
 */
/* leakguard-todo(bounded-cache): `{ message: string, parent: Error | null } | null` admits null or undefined, which lru-cache's `LRUCache<K extends {}, V extends {}>` rejects */
const lastErrors = new Map();

function record(job, error) {
  lastErrors.set(job, error ? { message: error.message, parent: error.cause instanceof Error ? error.cause : null } : null);
}

module.exports = { record };
