import { createServer } from "node:http"

const responses = new Map()

export const server = createServer((req, res) => {
  const url = req.url ?? "/"
  if (!responses.has(url)) responses.set(url, `page ${url}`)
  res.end(responses.get(url))
})
