import type { Page, WebSocketRoute } from 'playwright-core';

/**
 * Stands between a page and the server's socket.io WebSocket (playwright's routeWebSocket), to make
 * the faults a screen must survive happen on demand:
 * - `drop = true`: every event the server sends is lost while the connection stays up (engine.io's
 *   pings still pass, so socket.io believes it is connected) — a screen "connected" but silent;
 * - `cut()`: the page's connections are closed and new ones refused until `restore()`.
 */
export class SocketGate {
  drop = false;
  /** Server events dropped so far. */
  dropped = 0;
  private refusing = false;
  private readonly open = new Map<WebSocketRoute, WebSocketRoute>();

  async install(page: Page): Promise<void> {
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (this.refusing) {
        void ws.close({ code: 1001, reason: 'gate closed' });
        return;
      }
      const server = ws.connectToServer();
      this.open.set(ws, server);
      ws.onMessage((m) => server.send(m));
      server.onMessage((m) => {
        // socket.io over engine.io: "42/live,[name, payload]" is an event; acks (43) and pings (2) pass.
        if (this.drop && typeof m === 'string' && m.startsWith('42')) {
          this.dropped++;
          return;
        }
        ws.send(m);
      });
      ws.onClose((code, reason) => {
        this.open.delete(ws);
        void server.close({ code, reason });
      });
      server.onClose((code, reason) => {
        this.open.delete(ws);
        void ws.close({ code, reason });
      });
    });
  }

  async cut(): Promise<void> {
    this.refusing = true;
    const pairs = [...this.open];
    this.open.clear();
    await Promise.all(pairs.flatMap(([page, server]) => [page.close({ code: 1001, reason: 'gate closed' }), server.close({ code: 1001, reason: 'gate closed' })]));
  }

  restore(): void {
    this.refusing = false;
  }
}
