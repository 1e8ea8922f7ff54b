// A statement that shares its line with the end of a multi-line template literal (bundled code):
// the marker must not go at the start of that line, which is inside the template's text.
const fs = require('fs');

const banner = `generated
file`; function save(path, text) { /* leakguard-todo(try-finally-close): its declaration declares several variables; split it first */
const stream = fs.createWriteStream(path), size = text.length; stream.write(banner + text); if (size > 1e6) throw new Error('too big'); stream.end(); }

module.exports = { save };
