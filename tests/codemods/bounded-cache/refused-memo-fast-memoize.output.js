import memoize from 'fast-memoize';
import express from 'express';

/* leakguard-todo(bounded-cache): the cache is inside `memoize`: give it a bound (a size limit, or an LRU cache as its cache) or key it on a stable value */
const render = memoize((path) => `<h1>${path}</h1>`);

const app = express();
app.get('/page', (req, res) => {
  res.send(render(req.path));
});
