'use strict';
const fs = require('fs');

async function saveUpload(fetchBody, target) {
  const file = fs.createWriteStream(target);
  const { error, body } = await fetchBody();
  if (error) {
    throw error;
  }
  body.pipe(file);
  return target;
}

module.exports = { saveUpload };
