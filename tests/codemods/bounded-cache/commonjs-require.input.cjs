'use strict';

const http = require('node:http');

const renders = {};

function render(path) {
  if (!(path in renders)) {
    renders[path] = '<h1>' + path + '</h1>';
  }
  return renders[path];
}

const server = http.createServer((req, res) => {
  res.end(render(req.url));
});

module.exports = { server };
