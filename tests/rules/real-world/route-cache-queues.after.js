'use strict';

var Eidetic = require('eidetic');
var cacheStore = new Eidetic({ maxSize: 50, canPutWhenFull: true });

var queues = {};

module.exports.cacheSeconds = function (ttl) {
  return function (req, res, next) {
    var key = req.originalUrl;
    var value = cacheStore.get(key);
    if (value) {
      res.send(value.body);
      return;
    }

    if (!queues[key]) {
      queues[key] = [];
    }

    if (queues[key].length === 0) {
      queues[key].push(function noop() {});
      var send = res.send;
      res.send = function (body) {
        cacheStore.put(key, { body: body }, ttl);
        // drain the queue so anyone else waiting for this value gets its response
        var subscribers = queues[key];
        delete queues[key];
        while (subscribers.length > 0) {
          process.nextTick(subscribers.shift());
        }
        send.call(res, body);
      };
      next();
    } else {
      queues[key].push(function () {
        res.send((cacheStore.get(key) || {}).body);
      });
    }
  };
};
