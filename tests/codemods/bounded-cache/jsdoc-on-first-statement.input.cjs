/** @type {Set<string>} */
const seen = new Set();
function see(id) {
  seen.add(id);
}
module.exports = { see };
