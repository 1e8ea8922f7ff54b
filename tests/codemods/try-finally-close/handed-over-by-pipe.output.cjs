'use strict';
const fs = require('fs');

async function saveUpload(fetchBody, target) {
  const file = fs.createWriteStream(target);
  try {
    const { error, body } = await fetchBody();
    if (error) {
      throw error;
    }
    body.pipe(file);
  } catch (err) {
    file.destroy();
    throw err;
  }
  return target;
}

module.exports = { saveUpload };
