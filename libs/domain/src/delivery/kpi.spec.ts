import { currentMeasurements, kpiLate, kpiProgress, kpiReached, parseKpiNumber, validateMeasurement } from './kpi';
import { DeliveryRuleError } from './roadmap';

describe('KPI numbers and measurements', () => {
  it('reads the number and unit out of the KPI text of a proposal', () => {
    expect(parseKpiNumber('年間3,000人')).toEqual({ value: 3000, unit: '人' });
    expect(parseKpiNumber('0人')).toEqual({ value: 0, unit: '人' });
    expect(parseKpiNumber('１２．５％')).toEqual({ value: 12.5, unit: '%' });
    expect(parseKpiNumber('10社')).toEqual({ value: 10, unit: '社' });
    expect(parseKpiNumber('未定')).toEqual({ value: null, unit: null });
    expect(parseKpiNumber(null)).toEqual({ value: null, unit: null });
  });

  it('refuses values that are not numbers, impossible dates and future dates', () => {
    const code = (m: { value: number; measuredAt: string }) => {
      try {
        validateMeasurement(m, '2027-06-01');
        return 'ok';
      } catch (e) {
        return (e as DeliveryRuleError).code;
      }
    };
    expect(code({ value: 120, measuredAt: '2027-05-31' })).toBe('ok');
    expect(code({ value: 120, measuredAt: '2027-06-01' })).toBe('ok');
    expect(code({ value: Number.NaN, measuredAt: '2027-05-31' })).toBe('INVALID_MEASUREMENT');
    expect(code({ value: Infinity, measuredAt: '2027-05-31' })).toBe('INVALID_MEASUREMENT');
    expect(code({ value: 1, measuredAt: '2027-02-30' })).toBe('INVALID_DATE');
    expect(code({ value: 1, measuredAt: '2027-06-02' })).toBe('MEASUREMENT_IN_FUTURE');
  });

  it('counts the latest entry per date: a correction replaces, the history keeps both', () => {
    const rows = [
      { id: 'a', value: 100, measuredAt: '2027-03-31', createdAt: '2027-04-01T00:00:00Z' },
      { id: 'b', value: 50, measuredAt: '2027-01-31', createdAt: '2027-02-01T00:00:00Z' },
      { id: 'c', value: 110, measuredAt: '2027-03-31', createdAt: '2027-04-05T00:00:00Z' },
    ];
    expect(currentMeasurements(rows).map((r) => r.id)).toEqual(['b', 'c']);
  });

  it('measures progress from baseline to target, upwards or downwards, and lateness after the deadline', () => {
    const up = { baseline: 0, target: 3000, deadline: '2028-03-31' };
    expect(kpiProgress(up, 1500)).toBe(0.5);
    expect(kpiProgress(up, 4000)).toBe(1);
    expect(kpiProgress(up, null)).toBeNull();
    const down = { baseline: 40, target: 20, deadline: '2028-03-31' };
    expect(kpiProgress(down, 30)).toBe(0.5);
    expect(kpiReached(down, 19)).toBe(true);
    expect(kpiReached(down, 21)).toBe(false);
    expect(kpiLate(up, 2999, '2028-04-01')).toBe(true);
    expect(kpiLate(up, 3000, '2028-04-01')).toBe(false);
    expect(kpiLate(up, 10, '2028-03-31')).toBe(false);
    expect(kpiProgress({ baseline: 5, target: 5, deadline: null }, 5)).toBeNull();
  });
});
