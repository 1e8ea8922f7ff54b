// bradoyler/route-cache, index.js — https://github.com/bradoyler/route-cache/issues/24
// The express middleware batches concurrent requests per URL in `queues`: the queued callbacks are
// shifted out when the first response is ready, but the key stays, so `queues` gains one empty
// array per distinct URL ever requested and never loses it. (The fix deletes the key once drained.)
// Rule: leakguard/no-unbounded-cache
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
        while (queues[key].length > 0) {
          process.nextTick(queues[key].shift());
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
