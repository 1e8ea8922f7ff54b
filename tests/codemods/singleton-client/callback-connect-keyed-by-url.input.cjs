'use strict';
const { MongoClient } = require('mongodb');

// The callback form of MongoClient.connect per request, for the server the request names: one client
// per URL (a string, built by concatenation), shared by both routes; the same callbacks receive it.
exports.databases = function (req, res) {
  var url = 'mongodb://' + req.query.host + ':' + req.query.port;
  MongoClient.connect(url, function (err, client) {
    if (err) return res.status(500).send(err);
    client.db('admin').admin().listDatabases(function (error, result) {
      if (error) res.status(500).send(error);
      else res.json(result);
    });
  });
};

exports.collections = function (req, res) {
  var url = 'mongodb://' + req.query.host + ':' + req.query.port;
  MongoClient.connect(url, function (err, client) {
    if (err) return res.status(500).send(err);
    client.db(req.query.db).listCollections().toArray(function (error, result) {
      if (error) res.status(500).send(error);
      else res.json(result);
    });
  });
};
