// Fix: the interval is kept per connection and cleared when the socket closes.
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ port: 8080 });

wss.on('connection', (ws) => {
  ws.on('message', (message) => {
    console.log('received: %s', String(message));
  });
  const ticker = setInterval(() => ws.send(`${new Date().toISOString()}`), 1000);
  ws.on('close', () => {
    console.log('disconnected');
    clearInterval(ticker);
  });
});
