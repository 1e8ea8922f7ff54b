const express = require('express');
const redis = require('redis');

function Links(config) {
  this.db = redis.createClient(config);
}

Links.prototype.find = function (hash, callback) {
  this.db.get(`link:${hash}`, callback);
};

const app = express();

// Shared by every call; leakguard knows no method that closes it, so it lives as long as the process.
let links;

function getLinks() {
  return (links ??= new Links({ url: process.env.REDIS_URL }));
}

app.get('/:hash', (req, res) => {
  const links = getLinks();
  links.find(req.params.hash, (err, url) => (err || !url ? res.sendStatus(404) : res.redirect(url)));
});
