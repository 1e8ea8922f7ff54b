import express from 'express';
import { randomUUID } from 'node:crypto';

const app = express();
/* leakguard-todo(bounded-cache): its entries end only when their client asks: record when each was last used and, on a timer, delete the ones idle too long (or give each an expiry); an LRU would drop live ones */
const sessions: Record<string, { user: string }> = {};

app.post('/login', (req, res) => {
  const token = randomUUID();
  sessions[token] = { user: String(req.body.user) };
  res.json({ token });
});

app.post('/logout', (req, res) => {
  delete sessions[String(req.body.token)];
  res.end();
});

app.listen(0);
