const { Router } = require('express');
const { Client } = require('@elastic/elasticsearch');

function searchClient(config) {
  return new Client({ node: config.search.url, requestTimeout: 5000 });
}

module.exports = function stockRoutes({ config }) {
  const api = Router();

  let sharedSearchClient;
  api.get('/stock', async (req, res) => {
    const result = await (sharedSearchClient ??= searchClient(config)).search({ index: config.search.index, q: `sku:${req.query.sku}` });
    res.json(result.hits.hits);
  });

  return api;
};
