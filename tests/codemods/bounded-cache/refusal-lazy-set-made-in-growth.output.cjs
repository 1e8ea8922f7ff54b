/* leakguard-todo(bounded-cache): it is made inside the expression that uses it (`(seen ||= new Set()).add(id)`); make it in a statement of its own; nor can a trim of the oldest entry follow each growth: `(seen ||= new Set()).add(id)` reaches it through an expression that may change between reads */
let seen;

function markSeen(id) {
  (seen ||= new Set()).add(id);
  return seen.has(id);
}

module.exports = { markSeen };
