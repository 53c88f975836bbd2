import { applyRoadmapChange, DeliveryRuleError, expectedProgress, isIsoDate, isLate, readActionItemStatus, todayInJapan, type RoadmapItemState } from './roadmap';

const planned: RoadmapItemState = { status: 'PLANNED', progress: 0, startDate: '2027-04-01', dueDate: '2028-03-31', statusReason: null };
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof DeliveryRuleError ? e.code : String(e);
  }
  return 'no error';
};

describe('roadmap item status', () => {
  it('reads the old OPEN as PLANNED', () => {
    expect(readActionItemStatus('OPEN')).toBe('PLANNED');
    expect(readActionItemStatus('DONE')).toBe('DONE');
    expect(readActionItemStatus('nonsense')).toBe('PLANNED');
  });

  it('goes PLANNED → IN_PROGRESS → DELAYED (with a reason) → IN_PROGRESS → DONE at 100 %', () => {
    const started = applyRoadmapChange(planned, { status: 'IN_PROGRESS', progress: 20 });
    expect(started).toMatchObject({ status: 'IN_PROGRESS', progress: 20 });
    expect(code(() => applyRoadmapChange(started, { status: 'DELAYED' }))).toBe('REASON_REQUIRED');
    const delayed = applyRoadmapChange(started, { status: 'DELAYED', reason: '用地交渉が長引いた', dueDate: '2028-09-30' });
    expect(delayed).toMatchObject({ status: 'DELAYED', statusReason: '用地交渉が長引いた', dueDate: '2028-09-30', progress: 20 });
    const resumed = applyRoadmapChange(delayed, { status: 'IN_PROGRESS' });
    expect(resumed.statusReason).toBeNull();
    expect(applyRoadmapChange(resumed, { status: 'DONE' })).toMatchObject({ status: 'DONE', progress: 100 });
  });

  it('drops only with a reason, and a dropped item stays dropped', () => {
    expect(code(() => applyRoadmapChange(planned, { status: 'DROPPED', reason: '  ' }))).toBe('REASON_REQUIRED');
    const dropped = applyRoadmapChange(planned, { status: 'DROPPED', reason: '国の補助金が廃止された' });
    expect(dropped.statusReason).toBe('国の補助金が廃止された');
    for (const to of ['PLANNED', 'IN_PROGRESS', 'DONE', 'DELAYED'] as const) expect(code(() => applyRoadmapChange(dropped, { status: to, reason: 'x' }))).toBe('INVALID_STATUS_TRANSITION');
  });

  it('reopens finished work only with a reason, below 100 %', () => {
    const done = applyRoadmapChange(planned, { status: 'DONE' });
    expect(code(() => applyRoadmapChange(done, { status: 'IN_PROGRESS' }))).toBe('REASON_REQUIRED');
    expect(applyRoadmapChange(done, { status: 'IN_PROGRESS', reason: '検査で不備' })).toMatchObject({ status: 'IN_PROGRESS', progress: 99 });
    expect(code(() => applyRoadmapChange(done, { status: 'PLANNED', reason: 'x' }))).toBe('INVALID_STATUS_TRANSITION');
  });

  it('starts a planned item when progress is reported, and checks progress and dates', () => {
    expect(applyRoadmapChange(planned, { progress: 10 }).status).toBe('IN_PROGRESS');
    for (const p of [-1, 101, 12.5]) expect(code(() => applyRoadmapChange(planned, { progress: p }))).toBe('INVALID_PROGRESS');
    expect(code(() => applyRoadmapChange(planned, { status: 'DONE', progress: 50 }))).toBe('INVALID_PROGRESS');
    expect(code(() => applyRoadmapChange(planned, { dueDate: '2027-02-30' }))).toBe('INVALID_DATE');
    expect(code(() => applyRoadmapChange(planned, { startDate: '2028-04-01' }))).toBe('DATES_OUT_OF_ORDER');
    expect(code(() => applyRoadmapChange(planned, {}))).toBe('NOTHING_TO_CHANGE');
    expect(code(() => applyRoadmapChange(planned, { status: 'PLANNED', progress: 0 }))).toBe('NOTHING_TO_CHANGE');
  });
});

describe('late and expected progress', () => {
  it('is late when declared delayed or past due and not finished', () => {
    expect(isLate({ status: 'IN_PROGRESS', dueDate: '2027-03-31' }, '2027-04-01')).toBe(true);
    expect(isLate({ status: 'IN_PROGRESS', dueDate: '2027-03-31' }, '2027-03-31')).toBe(false);
    expect(isLate({ status: 'DELAYED', dueDate: '2030-01-01' }, '2027-01-01')).toBe(true);
    expect(isLate({ status: 'DONE', dueDate: '2020-01-01' }, '2027-01-01')).toBe(false);
    expect(isLate({ status: 'DROPPED', dueDate: '2020-01-01' }, '2027-01-01')).toBe(false);
    expect(isLate({ status: 'PLANNED', dueDate: null }, '2027-01-01')).toBe(false);
  });

  it('expects progress on a straight line from start to due', () => {
    expect(expectedProgress({ startDate: '2027-01-01', dueDate: '2027-01-11' }, '2027-01-06')).toBe(50);
    expect(expectedProgress({ startDate: '2027-01-01', dueDate: '2027-01-11' }, '2026-12-01')).toBe(0);
    expect(expectedProgress({ startDate: '2027-01-01', dueDate: '2027-01-11' }, '2028-01-01')).toBe(100);
    expect(expectedProgress({ startDate: null, dueDate: '2027-01-11' }, '2027-01-06')).toBeNull();
  });

  it('dates days in Japan and knows real dates', () => {
    expect(todayInJapan(new Date('2026-12-31T15:30:00Z'))).toBe('2027-01-01');
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-1-01')).toBe(false);
  });
});
