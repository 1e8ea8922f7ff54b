// @ts-check
import { createServer } from 'node:http';

/** @type {Record<string, number>} */
/* leakguard-todo(bounded-cache): `hitsByPath[path]` reads a `number`, which LRUCache's `.get` makes `number | undefined`; handle the missing entry there first */
const hitsByPath = {};

export const server = createServer((req, res) => {
  const path = req.url || '/';
  hitsByPath[path] = (hitsByPath[path] || 0) + 1;
  res.end(`${hitsByPath[path].toFixed(0)} hits`);
});
