// socketio/socket.io-adapter, lib/in-memory-adapter.ts (SessionAwareAdapter, as published in 2.5.9):
// the adapter made for each namespace starts a sweeping interval in its constructor and keeps only
// an `unref()`ed handle in a local, and its `close()` does nothing: a namespace that is removed
// (dynamic namespaces, `cleanupEmptyChildNamespaces`) leaves the interval running, holding the
// adapter, its sessions and its packets. Found by leakguard's false-positive hunt over node_modules;
// the after file is our fix (keep the handle, clear it in `close()`).
// Rule: leakguard/no-leaked-interval
interface Session {
  disconnectedAt: number;
}

export class SessionAwareAdapter {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly maxDisconnectionDuration: number) {
    const timer = setInterval(() => {
      const threshold = Date.now() - this.maxDisconnectionDuration;
      this.sessions.forEach((session, id) => {
        if (session.disconnectedAt < threshold) this.sessions.delete(id);
      });
    }, 60 * 1000);
    timer.unref();
  }

  close(): void {}
}
