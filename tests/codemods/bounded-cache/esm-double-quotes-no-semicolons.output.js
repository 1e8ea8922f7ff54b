import { createServer } from "node:http"
import { LRUCache } from "lru-cache"

/** @type {LRUCache<any, any>} */
const responses = new LRUCache({ max: 1000 })

export const server = createServer((req, res) => {
  const url = req.url ?? "/"
  if (!responses.has(url)) responses.set(url, `page ${url}`)
  res.end(responses.get(url))
})
