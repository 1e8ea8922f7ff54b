// wahengchang/nodejs-websocket-example, index.js — https://github.com/wahengchang/nodejs-websocket-example/issues/2
// ("Closing browser windows crashes the node app"). Every WebSocket connection starts an interval
// that sends the time; nothing stops it when the client goes away, so each closed tab leaves a timer
// sending into a dead socket (and keeping it alive) until the process falls over. The fix in the
// issue clears the interval in the socket's 'close' listener. Reproduced in our own words.
// Rule: leakguard/require-cleanup-on-disconnect
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ port: 8080 });

wss.on('connection', (ws) => {
  ws.on('message', (message) => {
    console.log('received: %s', String(message));
  });
  setInterval(() => ws.send(`${new Date().toISOString()}`), 1000);
});
