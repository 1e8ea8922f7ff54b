// Redirects remembered per request URL; only an API call nothing here makes removes one.
const redirects = {};

module.exports.cacheRedirects = function () {
  return function (req, res, next) {
    const known = redirects[req.originalUrl];
    if (known) return res.redirect(known);
    const redirect = res.redirect.bind(res);
    res.redirect = function (url) {
      redirects[req.originalUrl] = url;
      redirect(url);
    };
    next();
  };
};

module.exports.removeRedirect = function (url) {
  delete redirects[url];
};
