import WebSocket from 'ws';

export type WebsocketFactory = (url: string) => WebSocket;

export class Connector {
  private websocket: WebSocket | undefined;

  constructor(private readonly url: string, private readonly websocketFactory: WebsocketFactory) {}

  connect(timeoutMs: number): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        websocket.close();
        reject(new Error('connection timed out'));
      }, timeoutMs);
      const websocket = this.websocketFactory(this.url);
      websocket.once('open', () => {
        clearTimeout(timer);
        this.websocket = websocket;
        resolve(websocket);
      });
    });
  }

  stop(): void {
    this.websocket?.close();
  }
}
