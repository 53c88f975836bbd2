import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Worker } from 'node:worker_threads';
import { conflict, rateLimited } from '../../common/errors/domain-error';
import { spawnWorker } from '../../common/workers/spawn-worker';
import type { ThemeJob, ThemeReply } from './theme-worker';

/** Live panels (proposal, meeting) and the large scopes (process, pillar) never wait for each other. */
export type ThemeLane = 'live' | 'bulk';

export type ThemeJobInput = Omit<ThemeJob, 'id'>;

/** Scopes waiting per lane (each scope at most once: a newer request replaces a waiting one). */
export const THEME_QUEUE_LIMIT = 64;
/** A job running longer is abandoned: its worker is stopped and a fresh one takes the next job. */
export const THEME_JOB_TIMEOUT_MS = 60_000;

interface Waiter {
  resolve: (r: ThemeReply) => void;
  reject: (e: unknown) => void;
}

interface Job {
  id: number;
  input: ThemeJobInput;
  waiters: Waiter[];
}

interface Lane {
  name: ThemeLane;
  worker: Worker | null;
  running: (Job & { timer: NodeJS.Timeout }) | null;
  queue: Map<string, Job>;
}

/**
 * The theme module's worker threads, one per lane, each running one job at a time from a bounded
 * queue where the newest request per scope wins (its callers all get the newer answer). A job that
 * fails or times out rejects; ThemeEngine then keeps the scope's last good themes. Stopped with
 * the application (tests never leave a thread behind).
 */
@Injectable()
export class ThemePool implements OnModuleDestroy {
  private readonly logger = new Logger('Themes');
  private readonly lanes = new Map<ThemeLane, Lane>();
  private nextId = 1;
  private stopped = false;
  /** Tests shorten it to exercise the timeout path. */
  timeoutMs = THEME_JOB_TIMEOUT_MS;

  run(lane: ThemeLane, input: ThemeJobInput): Promise<ThemeReply> {
    if (this.stopped) return Promise.reject(new Error('themes stopped'));
    const l = this.lane(lane);
    return new Promise<ThemeReply>((resolve, reject) => {
      const waiting = l.queue.get(input.key);
      if (waiting) {
        // Newest wins; terms and bodies already sent along stay useful.
        waiting.input = { ...input, terms: [...waiting.input.terms, ...input.terms], bodies: [...waiting.input.bodies, ...input.bodies] };
        waiting.waiters.push({ resolve, reject });
        return;
      }
      if (l.queue.size >= THEME_QUEUE_LIMIT) {
        reject(rateLimited('THEMES_BUSY', '論点の計算が混み合っています。しばらくしてからもう一度お試しください。', 'Themes are being computed for many lists right now. Please try again shortly.'));
        return;
      }
      l.queue.set(input.key, { id: this.nextId++, input, waiters: [{ resolve, reject }] });
      this.pump(l);
    });
  }

  /** Jobs running or waiting (0 when idle). */
  get pending(): number {
    let n = 0;
    for (const l of this.lanes.values()) n += l.queue.size + (l.running ? 1 : 0);
    return n;
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    const workers: Worker[] = [];
    for (const l of this.lanes.values()) {
      if (l.worker) workers.push(l.worker);
      l.worker = null;
      this.failRunning(l, new Error('server shutting down'));
      for (const job of l.queue.values()) for (const w of job.waiters) w.reject(new Error('server shutting down'));
      l.queue.clear();
    }
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private lane(name: ThemeLane): Lane {
    let l = this.lanes.get(name);
    if (!l) {
      l = { name, worker: null, running: null, queue: new Map() };
      this.lanes.set(name, l);
    }
    return l;
  }

  private pump(l: Lane): void {
    if (this.stopped || l.running) return;
    const next = l.queue.entries().next();
    if (next.done) return;
    const [key, job] = next.value;
    l.queue.delete(key);
    const worker = this.ensureWorker(l);
    const timer = setTimeout(() => {
      this.logger.warn(`themes of ${key} took longer than ${this.timeoutMs} ms: worker restarted`);
      this.restart(l, conflict('THEMES_TIMEOUT', '論点の計算が時間内に終わりませんでした。', 'The themes took too long to compute.'));
    }, this.timeoutMs);
    l.running = { ...job, timer };
    worker.postMessage({ ...job.input, id: job.id } satisfies ThemeJob);
  }

  private ensureWorker(l: Lane): Worker {
    if (l.worker) return l.worker;
    const worker = spawnWorker(__dirname, 'theme-worker');
    worker.on('message', (reply: ThemeReply) => {
      if (l.worker !== worker || !l.running || l.running.id !== reply.id) return;
      const job = l.running;
      clearTimeout(job.timer);
      l.running = null;
      if (reply.ok === false) for (const w of job.waiters) w.reject(new Error(`themes failed: ${reply.message}`));
      else for (const w of job.waiters) w.resolve(reply);
      this.pump(l);
    });
    worker.on('error', (e: Error) => {
      this.logger.error(`theme worker (${l.name}) failed: ${e.message}`);
      if (l.worker === worker) this.restart(l, e);
    });
    worker.on('exit', () => {
      if (l.worker === worker) this.restart(l, new Error('theme worker exited'));
    });
    // The worker must not keep the process alive on its own (tests, shutdown).
    worker.unref();
    l.worker = worker;
    return worker;
  }

  /** Stops the lane's worker, fails its running job, and lets the next job start a fresh worker. */
  private restart(l: Lane, reason: unknown): void {
    const worker = l.worker;
    l.worker = null;
    this.failRunning(l, reason);
    void worker?.terminate();
    this.pump(l);
  }

  private failRunning(l: Lane, reason: unknown): void {
    const job = l.running;
    l.running = null;
    if (!job) return;
    clearTimeout(job.timer);
    for (const w of job.waiters) w.reject(reason);
  }
}
