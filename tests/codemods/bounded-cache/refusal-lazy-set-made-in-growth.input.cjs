let seen;

function markSeen(id) {
  (seen ||= new Set()).add(id);
  return seen.has(id);
}

module.exports = { markSeen };
