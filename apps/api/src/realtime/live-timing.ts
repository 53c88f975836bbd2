/**
 * The timings of the real-time layer (docs/realtime.md § Guarantees). Production uses the defaults
 * (LIVE_HEARTBEAT_MS may change the heartbeat); tests shorten or widen them through AppConfig.live.
 */
export interface LiveTiming {
  /** How often each node tells each followed room's sockets the room's current seq (`live.heartbeat`). */
  heartbeatMs: number;
  /**
   * `vote.tally` coalescing window per proposal (≤ 10 a second: fan-out, not the database, is the limit),
   * for up to `tallyFramesPerSecond / 10` screens on the node; a fuller hall gets a wider window (tallyWindowFor).
   */
  tallyWindowMs: number;
  /**
   * How many tally frames a node writes per second and proposal at most: each send is one socket write per
   * screen following the proposal, and those writes are what saturates a node in a full hall (bench: open-loop
   * bursts, docs/benchmarks.md).
   */
  tallyFramesPerSecond: number;
  /** `meeting.state` coalescing window per meeting (a hall arriving: hundreds of joins a minute). */
  meetingStateWindowMs: number;
  /** Waits between attempts to read an event's payload after COMMIT; when all fail, the room is told to refetch. */
  readRetryMs: number[];
  /** How long past its window a coalesced send owed by a node may stay unsent before another node makes it. */
  overdueGraceMs: number;
  /** How often each node looks for coalesced sends that a dead node owed (Redis only). */
  sweepEveryMs: number;
}

export const DEFAULT_LIVE_TIMING: LiveTiming = {
  heartbeatMs: 5_000,
  tallyWindowMs: 100,
  tallyFramesPerSecond: 10_000,
  meetingStateWindowMs: 200,
  // ≈ 7.9 s in all: longer than the ≈ 5.5 s write stall of a PostgreSQL crash and restart (RELIABILITY.md).
  readRetryMs: [100, 250, 500, 1_000, 2_000, 4_000],
  overdueGraceMs: 2_000,
  sweepEveryMs: 500,
};

export const LIVE_TIMING = Symbol('LIVE_TIMING');

export function liveTiming(overrides: Partial<LiveTiming> | undefined): LiveTiming {
  return { ...DEFAULT_LIVE_TIMING, ...overrides };
}

/** Upper bound of a widened tally window: a full hall still sees its tally move every second. */
export const MAX_TALLY_WINDOW_MS = 1_000;

/**
 * The tally window for a proposal that `screens` sockets on this node follow: the base window (≤ 10 sends a
 * second) while the sends stay within `tallyFramesPerSecond` socket writes, else widened so they do — 2,000
 * screens: 200 ms, 5,000: 500 ms — up to MAX_TALLY_WINDOW_MS. Fewer, not slower, sends: every send still
 * carries the whole committed tally, so no vote is ever left out of the next one.
 */
export function tallyWindowFor(timing: Pick<LiveTiming, 'tallyWindowMs' | 'tallyFramesPerSecond'>, screens: number): number {
  const needed = Math.ceil((screens * 1000) / timing.tallyFramesPerSecond);
  return Math.min(Math.max(timing.tallyWindowMs, needed), Math.max(timing.tallyWindowMs, MAX_TALLY_WINDOW_MS));
}
