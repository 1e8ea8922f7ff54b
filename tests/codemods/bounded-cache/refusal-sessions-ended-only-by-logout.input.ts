import express from 'express';
import { randomUUID } from 'node:crypto';

const app = express();
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
