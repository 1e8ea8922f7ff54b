// @ts-check
import { createServer } from 'node:http';

/** @type {Record<string, number>} */
const hitsByPath = {};

export const server = createServer((req, res) => {
  const path = req.url || '/';
  hitsByPath[path] = (hitsByPath[path] || 0) + 1;
  res.end(`${hitsByPath[path].toFixed(0)} hits`);
});
