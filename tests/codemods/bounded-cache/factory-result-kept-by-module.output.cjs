const { randomUUID } = require('node:crypto');
const { LRUCache } = require('lru-cache');

// The module makes the manager once and only looks runs up through `manager.runs`.
function createRunManager() {
  /** @type {LRUCache<any, any>} */
  const runs = new LRUCache({ max: 1000 });
  function startRun(command) {
    const run = { id: randomUUID(), command, status: 'running' };
    runs.set(run.id, run);
    return run;
  }
  return { runs, startRun };
}

function createStatusReader({ runs }) {
  return (id) => {
    const run = runs.get(id);
    return run ? run.status : undefined;
  };
}

const manager = createRunManager();
module.exports = { readStatus: createStatusReader({ runs: manager.runs }), startRun: manager.startRun };
