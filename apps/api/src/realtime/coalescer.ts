interface KeyState {
  timer: NodeJS.Timeout | null;
  running: boolean;
  pending: boolean;
}

export interface CoalescerHooks<K> {
  /**
   * A trigger that no started send is sure to carry: a leading send is about to start, or a trailing
   * one just became due. Called synchronously inside `trigger`, before any send reads its state, so a
   * ledger kept outside the process (PendingSends) knows of the owed send before the trigger's
   * caller answers anyone. Triggers while a trailing send is already due are carried by it: no call.
   */
  onDue?(key: K): void;
}

/**
 * Turns a storm of triggers per key into at most one `send(key)` per window, leading and trailing
 * edge: the first trigger after a quiet window sends at once; triggers during the window are merged
 * into ONE send when it ends. `send` re-reads the state itself, so the trailing send carries
 * everything that happened during the window and the last send always reflects the last trigger.
 * Sends of one key never overlap, so a slow read can never overtake a newer one.
 */
export class Coalescer<K> {
  private readonly keys = new Map<K, KeyState>();
  private stopped = false;

  constructor(
    /** The window, or the window for a key (decided when its send starts: e.g. wider for a fuller room). */
    private readonly windowMs: number | ((key: K) => number),
    private readonly send: (key: K) => Promise<void>,
    private readonly onError: (key: K, e: unknown) => void,
    private readonly hooks: CoalescerHooks<K> = {},
  ) {}

  trigger(key: K): void {
    if (this.stopped) return;
    const state = this.keys.get(key);
    if (!state) {
      const fresh: KeyState = { timer: null, running: false, pending: false };
      this.keys.set(key, fresh);
      this.hooks.onDue?.(key);
      this.fire(key, fresh);
      return;
    }
    if (state.timer || state.running) {
      if (!state.pending) this.hooks.onDue?.(key);
      state.pending = true;
    } else {
      this.hooks.onDue?.(key);
      this.fire(key, state);
    }
  }

  /** Keys with a send running or a window open (tests and shutdown). */
  get active(): number {
    return this.keys.size;
  }

  stop(): void {
    this.stopped = true;
    for (const state of this.keys.values()) if (state.timer) clearTimeout(state.timer);
    this.keys.clear();
  }

  private fire(key: K, state: KeyState): void {
    state.pending = false;
    state.running = true;
    state.timer = setTimeout(() => {
      state.timer = null;
      this.settle(key, state);
    }, typeof this.windowMs === 'number' ? this.windowMs : this.windowMs(key));
    this.send(key)
      .catch((e: unknown) => this.onError(key, e))
      .finally(() => {
        state.running = false;
        this.settle(key, state);
      });
  }

  /** After the window or a send ends: send again if something came in, else forget the key. */
  private settle(key: K, state: KeyState): void {
    if (this.stopped || state.running || state.timer) return;
    if (state.pending) this.fire(key, state);
    else this.keys.delete(key);
  }
}
