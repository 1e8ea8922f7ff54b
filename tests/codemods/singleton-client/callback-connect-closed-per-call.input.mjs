import express from 'express';
import { MongoClient } from 'mongodb';

const MONGO_URL = process.env.MONGO_URL;
const app = express();

// Connected and closed on every request, in the callback form: the client is shared, the close goes,
// and `callbackify` hands the shared client to the same callback.
app.get('/health/mongo', (req, res) => {
  MongoClient.connect(MONGO_URL, (err, client) => {
    if (err) return res.status(503).end();
    res.json({ topology: client.options.hosts.length });
    client.close();
  });
});
