// Redirects remembered per request URL; only an API call nothing here makes removes one.
const { LRUCache } = require('lru-cache');

/** @type {LRUCache<any, any>} */
const redirects = new LRUCache({ max: 1000 });

module.exports.cacheRedirects = function () {
  return function (req, res, next) {
    const known = redirects.get(req.originalUrl);
    if (known) return res.redirect(known);
    const redirect = res.redirect.bind(res);
    res.redirect = function (url) {
      redirects.set(req.originalUrl, url);
      redirect(url);
    };
    next();
  };
};

module.exports.removeRedirect = function (url) {
  redirects.delete(url);
};
