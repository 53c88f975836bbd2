/**
 * The roadmap (工程表) of a decided proposal: its action items are milestones with a status, a
 * progress % and dates. Pure rules, shared by the API (which refuses what they refuse) and the web
 * app (which shows what they compute).
 */

export const ACTION_ITEM_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE', 'DELAYED', 'DROPPED'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

export const ACTION_ITEM_STATUS_LABELS: Readonly<Record<ActionItemStatus, { ja: string; en: string }>> = {
  PLANNED: { ja: '予定', en: 'Planned' },
  IN_PROGRESS: { ja: '実施中', en: 'In progress' },
  DONE: { ja: '完了', en: 'Done' },
  DELAYED: { ja: '遅延', en: 'Delayed' },
  DROPPED: { ja: '中止', en: 'Dropped' },
};

export function isActionItemStatus(x: unknown): x is ActionItemStatus {
  return typeof x === 'string' && (ACTION_ITEM_STATUSES as readonly string[]).includes(x);
}

/** Items written before the roadmap existed were OPEN or DONE: OPEN reads as PLANNED. */
export function readActionItemStatus(raw: unknown): ActionItemStatus {
  if (raw === 'OPEN') return 'PLANNED';
  return isActionItemStatus(raw) ? raw : 'PLANNED';
}

/**
 * Allowed status changes. DROPPED is final (a plan taken up again is a new item, so the history
 * stays readable); DONE can be reopened (IN_PROGRESS) with a reason, e.g. when a check finds the
 * work incomplete.
 */
export const ACTION_ITEM_TRANSITIONS: Readonly<Record<ActionItemStatus, ReadonlyArray<ActionItemStatus>>> = {
  PLANNED: ['IN_PROGRESS', 'DONE', 'DELAYED', 'DROPPED'],
  IN_PROGRESS: ['DONE', 'DELAYED', 'DROPPED'],
  DELAYED: ['IN_PROGRESS', 'DONE', 'DROPPED'],
  DONE: ['IN_PROGRESS'],
  DROPPED: [],
};

/** Changes that must say why: dropping, declaring a delay, reopening finished work. */
export function reasonRequired(from: ActionItemStatus, to: ActionItemStatus): boolean {
  return to === 'DROPPED' || to === 'DELAYED' || (from === 'DONE' && to !== 'DONE');
}

export function canChangeActionItemStatus(from: ActionItemStatus, to: ActionItemStatus): boolean {
  return from === to || ACTION_ITEM_TRANSITIONS[from].includes(to);
}

export type DeliveryErrorCode =
  | 'INVALID_STATUS_TRANSITION'
  | 'REASON_REQUIRED'
  | 'INVALID_PROGRESS'
  | 'INVALID_DATE'
  | 'DATES_OUT_OF_ORDER'
  | 'NOTHING_TO_CHANGE'
  | 'INVALID_MEASUREMENT'
  | 'MEASUREMENT_IN_FUTURE';

export class DeliveryRuleError extends Error {
  constructor(
    readonly code: DeliveryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DeliveryRuleError';
  }
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date YYYY-MM-DD that exists (2027-02-30 does not). */
export function isIsoDate(x: unknown): x is string {
  if (typeof x !== 'string' || !DATE_RE.test(x)) return false;
  const d = new Date(`${x}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === x;
}

export interface RoadmapItemState {
  status: ActionItemStatus;
  progress: number;
  startDate: string | null;
  dueDate: string | null;
  statusReason: string | null;
}

export interface RoadmapItemChange {
  status?: ActionItemStatus | null;
  progress?: number | null;
  startDate?: string | null;
  dueDate?: string | null;
  reason?: string | null;
}

/**
 * The item after a change, or a DeliveryRuleError. Progress is a whole 0–100; DONE means 100 %;
 * progress on a PLANNED item starts it (IN_PROGRESS); the start is not after the due date.
 */
export function applyRoadmapChange(current: RoadmapItemState, change: RoadmapItemChange): RoadmapItemState {
  const reason = change.reason?.trim() || null;
  const to = change.status ?? current.status;
  if (!canChangeActionItemStatus(current.status, to)) throw new DeliveryRuleError('INVALID_STATUS_TRANSITION', `${current.status} → ${to} is not allowed`);
  if (to !== current.status && reasonRequired(current.status, to) && !reason) throw new DeliveryRuleError('REASON_REQUIRED', `${current.status} → ${to} needs a reason`);
  let progress = current.progress;
  if (change.progress != null) {
    if (!Number.isInteger(change.progress) || change.progress < 0 || change.progress > 100) throw new DeliveryRuleError('INVALID_PROGRESS', 'progress is a whole number from 0 to 100');
    progress = change.progress;
  }
  let status = to;
  if (change.status == null && status === 'PLANNED' && progress > 0) status = 'IN_PROGRESS';
  if (status === 'DONE') {
    if (change.progress != null && change.progress !== 100) throw new DeliveryRuleError('INVALID_PROGRESS', 'a DONE item is 100 %');
    progress = 100;
  } else if (current.status === 'DONE' && change.progress == null) progress = Math.min(progress, 99);
  const startDate = change.startDate !== undefined ? change.startDate : current.startDate;
  const dueDate = change.dueDate !== undefined ? change.dueDate : current.dueDate;
  for (const d of [startDate, dueDate]) if (d != null && !isIsoDate(d)) throw new DeliveryRuleError('INVALID_DATE', `${d} is not a date (YYYY-MM-DD)`);
  if (startDate && dueDate && startDate > dueDate) throw new DeliveryRuleError('DATES_OUT_OF_ORDER', 'the start is after the due date');
  const next: RoadmapItemState = { status, progress, startDate: startDate ?? null, dueDate: dueDate ?? null, statusReason: status !== current.status ? reason : (reason ?? current.statusReason) };
  if (
    next.status === current.status &&
    next.progress === current.progress &&
    next.startDate === current.startDate &&
    next.dueDate === current.dueDate &&
    next.statusReason === current.statusReason
  )
    throw new DeliveryRuleError('NOTHING_TO_CHANGE', 'the change changes nothing');
  return next;
}

/** Late: declared DELAYED, or past its due date and neither done nor dropped. `today` is YYYY-MM-DD. */
export function isLate(item: Pick<RoadmapItemState, 'status' | 'dueDate'>, today: string): boolean {
  if (item.status === 'DELAYED') return true;
  if (item.status === 'DONE' || item.status === 'DROPPED') return false;
  return item.dueDate != null && item.dueDate < today;
}

const dayNumber = (d: string) => Math.floor(new Date(`${d}T00:00:00Z`).getTime() / 86_400_000);

/** Where progress should be by `today` on a straight line from start (0 %) to due (100 %); null without both dates. */
export function expectedProgress(item: Pick<RoadmapItemState, 'startDate' | 'dueDate'>, today: string): number | null {
  if (!item.startDate || !item.dueDate) return null;
  const span = dayNumber(item.dueDate) - dayNumber(item.startDate);
  if (span <= 0) return today >= item.dueDate ? 100 : 0;
  const share = (dayNumber(today) - dayNumber(item.startDate)) / span;
  return Math.round(Math.min(1, Math.max(0, share)) * 100);
}

/** Today's date in Japan (the product's regions), YYYY-MM-DD. */
export function todayInJapan(now: Date = new Date()): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}
