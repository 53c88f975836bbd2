import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../../common/workers/spawn-worker';
import { conflict, rateLimited } from '../../common/errors/domain-error';
import type { MinutesDocument } from '../minutes/minutes-document';
import type { RenderContext } from './minutes-outline';
import type { RenderReply, RenderRequest } from './render-worker';

/** Memory one render may use before the worker is stopped (a 400-page PDF peaks near 300 MB). */
const WORKER_HEAP_MB = 1024;
/** Renders waiting behind the running one; more are refused, so downloads cannot pile up memory. */
const MAX_QUEUED = 8;
const RENDER_TIMEOUT_MS = 5 * 60_000;
/** An idle worker is stopped after this long, returning its memory (a large render leaves ~400 MB). */
const IDLE_MS = 30_000;

interface Pending {
  resolve: (b: Buffer) => void;
  reject: (e: unknown) => void;
  timer: NodeJS.Timeout;
}

/**
 * Lays out DOCX and PDF files in one worker thread, one at a time. The API's event loop stays free
 * for votes and sockets while a long document renders, a render that runs out of memory stops its
 * worker instead of the server, and a burst of downloads queues instead of multiplying memory.
 */
@Injectable()
export class RenderPool implements OnModuleDestroy {
  private readonly logger = new Logger(RenderPool.name);
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;

  async render(format: 'docx' | 'pdf', document: MinutesDocument, ctx: RenderContext): Promise<Buffer> {
    if (this.pending.size > MAX_QUEUED) {
      throw rateLimited('EXPORT_BUSY', '議事録の出力が混み合っています。しばらくしてからもう一度お試しください。', 'Many minutes are being exported right now. Please try again shortly.');
    }
    const worker = this.ensureWorker();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => this.restart(conflict('EXPORT_TOO_LARGE', '議事録が大きすぎて時間内に出力できませんでした。Markdown か JSON をご利用ください。', 'These minutes took too long to render. Please use the Markdown or JSON export.')), RENDER_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, format, document, ctx } satisfies RenderRequest);
    });
  }

  async onModuleDestroy(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('server shutting down'));
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = spawnRenderWorker();
    worker.on('message', (reply: RenderReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      clearTimeout(p.timer);
      if (reply.ok) p.resolve(Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength));
      else p.reject(new Error(`minutes render failed: ${reply.message}`));
      if (this.pending.size === 0) this.scheduleIdleStop(worker);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      this.logger.error(`render worker failed: ${e.message}`);
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? conflict('EXPORT_TOO_LARGE', '議事録が大きすぎてこの形式では出力できません。Markdown か JSON をご利用ください。', 'These minutes are too large for this format. Please use the Markdown or JSON export.')
          : e,
      );
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(new Error('render worker exited'));
    });
    // The worker must not keep the process alive on its own (tests, shutdown).
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private scheduleIdleStop(worker: Worker): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.worker !== worker || this.pending.size > 0) return;
      this.worker = null;
      void worker.terminate();
    }, IDLE_MS);
    this.idleTimer.unref();
  }

  private restart(reason: unknown): void {
    const worker = this.worker;
    this.worker = null;
    this.failAll(reason);
    void worker?.terminate();
  }

  private failAll(reason: unknown): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(reason);
    }
    this.pending.clear();
  }
}

function spawnRenderWorker(): Worker {
  return spawnWorker(__dirname, 'render-worker', { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
}
