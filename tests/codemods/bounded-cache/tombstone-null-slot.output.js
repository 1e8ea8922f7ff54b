// Handlers keyed by a fresh id; removing one only nulls its slot.
let handlers = {};
let lastId = 0;

function on(handler) {
  lastId++;
  handlers[lastId] = handler;
  return lastId;
}

function off(id) {
  delete handlers[id];
}

function emit(value) {
  Object.keys(handlers).forEach((id) => handlers[id] && handlers[id](value));
}

module.exports = { on, off, emit };
