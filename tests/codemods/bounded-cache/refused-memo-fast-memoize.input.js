import memoize from 'fast-memoize';
import express from 'express';

const render = memoize((path) => `<h1>${path}</h1>`);

const app = express();
app.get('/page', (req, res) => {
  res.send(render(req.path));
});
