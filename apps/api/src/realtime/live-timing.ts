/**
 * The timings of the real-time layer (docs/realtime.md § Guarantees). Production uses the defaults
 * (LIVE_HEARTBEAT_MS may change the heartbeat); tests shorten or widen them through AppConfig.live.
 */
export interface LiveTiming {
  /** How often each node tells each followed room's sockets the room's current seq (`live.heartbeat`). */
  heartbeatMs: number;
  /** `vote.tally` coalescing window per proposal (≤ 10 a second: fan-out, not the database, is the limit). */
  tallyWindowMs: number;
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
