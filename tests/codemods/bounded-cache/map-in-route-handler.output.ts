import express from 'express';
import { LRUCache } from 'lru-cache';

interface User {
  id: string;
  name: string;
}

const users = new LRUCache<string, User>({ max: 1000 });
const app = express();

app.get('/users/:id', (req, res) => {
  const id = req.params.id;
  const cached = users.get(id);
  if (cached) {
    res.json(cached);
    return;
  }
  const user: User = { id, name: `user ${id}` };
  users.set(id, user);
  res.json(user);
});

export default app;
