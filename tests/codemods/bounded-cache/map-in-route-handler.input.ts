import express from 'express';

interface User {
  id: string;
  name: string;
}

const users = new Map<string, User>();
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
