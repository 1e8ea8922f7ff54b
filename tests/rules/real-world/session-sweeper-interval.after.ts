interface Session {
  disconnectedAt: number;
}

export class SessionAwareAdapter {
  private readonly sessions = new Map<string, Session>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly maxDisconnectionDuration: number) {
    this.sweeper = setInterval(() => {
      const threshold = Date.now() - this.maxDisconnectionDuration;
      this.sessions.forEach((session, id) => {
        if (session.disconnectedAt < threshold) this.sessions.delete(id);
      });
    }, 60 * 1000);
    this.sweeper.unref();
  }

  close(): void {
    clearInterval(this.sweeper);
  }
}
