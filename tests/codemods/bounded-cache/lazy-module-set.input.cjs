let seen;

function markSeen(id) {
  seen ||= new Set();
  seen.add(id);
  return seen.has(id);
}

module.exports = { markSeen };
