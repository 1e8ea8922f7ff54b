const express = require('express');
const redis = require('redis');

function Links(config) {
  this.db = redis.createClient(config);
}

Links.prototype.find = function (hash, callback) {
  this.db.get(`link:${hash}`, callback);
};

const app = express();
app.get('/:hash', (req, res) => {
  const links = new Links({ url: process.env.REDIS_URL });
  links.find(req.params.hash, (err, url) => (err || !url ? res.sendStatus(404) : res.redirect(url)));
});
