export class Heartbeat {
  constructor(socket) {
    this.socket = socket
    socket.on('reconnect', () => this.start())
  }

  start() {
    this.timer = setInterval(() => this.socket.send('ping'), 30000)
  }

  stop() {
    clearInterval(this.timer)
  }
}
