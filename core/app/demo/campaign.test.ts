import { buildDemoCampaign } from './campaign';
import { buildDemoUsers } from './users';
import type { CampaignData } from '../ports';

const today = '2025-10-20';
const data = buildDemoCampaign(today);

const metricNamed = (d: CampaignData, part: string) => {
  const found = d.metrics.filter((m) => m.name.includes(part));
  expect(found).toHaveLength(1);
  return found[0]!;
};
const unitNamed = (d: CampaignData, name: string) => {
  const found = d.units.find((u) => u.name === name);
  if (!found) throw new Error(`no unit ${name}`);
  return found;
};
const total = (d: CampaignData, metricId: string) =>
  d.targets.filter((t) => t.metricId === metricId).reduce((sum, t) => sum + t.target, 0);

describe('the demo 三百 campaign', () => {
  it('started 40 days before today and runs 100 days, so today is day 41', () => {
    expect(data.campaign.startDate).toBe('2025-09-10');
    expect(data.campaign.endDate).toBe('2025-12-18');
    expect(data.campaign.timezone).toBe('Asia/Shanghai');
    const acrossYear = buildDemoCampaign('2026-01-05').campaign;
    expect(acrossYear.startDate).toBe('2025-11-26');
    expect(acrossYear.endDate).toBe('2026-03-05');
  });

  it('weighs the five comparisons 40/20/15/10/15', () => {
    expect(data.campaign.weights).toEqual({
      performance: 40,
      speed: 20,
      quality: 15,
      effort: 10,
      contribution: 15,
    });
  });

  it('has the three tracks with the article lead units', () => {
    const leads = data.tracks.map((t) => [t.name, data.units.find((u) => u.id === t.leadUnitId)?.name]);
    expect(leads).toEqual([
      ['百日攻坚', '市发改局'],
      ['百日招商', '市招商局'],
      ['百日服务', '市经信局'],
    ]);
  });

  it('splits targets so they add up to the article city totals', () => {
    const article: Array<[string, number]> = [
      ['重大项目完成投资', 18.2],
      ['浙商回归到位资金', 33],
      ['15亿元以上特别重大项目', 1],
      ['新增签约央企合作项目', 1],
      ['重大项目难题破解', 38],
      ['重大项目前期攻坚', 13],
      ['规上工业增加值', 195.1],
      ['工业投资', 96.7],
      ['工业技改投资', 76.41],
      ['外贸出口', 273.51],
      ['各项贷款余额比年初增加', 20],
      ['新增工业机器人', 300],
    ];
    for (const [name, expected] of article) {
      expect([name, total(data, metricNamed(data, name).id)]).toEqual([name, expect.closeTo(expected, 9)]);
    }
    expect(total(data, metricNamed(data, '谋划央企对接合作项目').id)).toBeGreaterThanOrEqual(3);
  });

  it('gives the three 小镇 the article investment targets of 2.2, 12 and 5 亿元', () => {
    const townInvest = metricNamed(data, '特色小镇完成投资');
    const targetOf = (unitName: string) =>
      data.targets.find((t) => t.metricId === townInvest.id && t.unitId === unitNamed(data, unitName).id)
        ?.target;
    expect(targetOf('赫灵方岩小镇')).toBe(2.2);
    expect(targetOf('众泰汽车小镇')).toBe(12);
    expect(targetOf('ATV酷玩小镇')).toBe(5);
    const share = metricNamed(data, '特色产业投资占比');
    expect(data.targets.filter((t) => t.metricId === share.id).map((t) => t.target)).toEqual([60, 60, 60]);
  });

  it('keeps the non-performing loan rate as a down metric capped at 3.2%', () => {
    const npl = metricNamed(data, '不良贷款率');
    expect([npl.kind, npl.direction, npl.measure]).toEqual(['rate', 'down', '%']);
    expect(data.targets.filter((t) => t.metricId === npl.id).map((t) => t.target)).toEqual([3.2]);
  });

  it('marks fixed-asset investment and investment attraction for the monthly review', () => {
    expect(metricNamed(data, '固定资产投资').reviewed).toBe(true);
    expect(metricNamed(data, '招商引资').reviewed).toBe(true);
    expect(data.metrics.filter((m) => m.reviewed).length).toBeLessThanOrEqual(3);
    expect(new Set(data.metrics.map((m) => m.kind))).toEqual(new Set(['cumulative', 'rate', 'count']));
  });

  it('has at least 15 competing units in three divisions, the 小镇 among the platforms', () => {
    expect(data.units.length).toBeGreaterThanOrEqual(15);
    const byDivision = new Map<string, string[]>();
    for (const u of data.units) byDivision.set(u.division, [...(byDivision.get(u.division) ?? []), u.name]);
    expect([...byDivision.keys()].sort()).toEqual(['乡镇街道', '功能平台', '市直部门'].sort());
    expect(byDivision.get('功能平台')).toEqual(
      expect.arrayContaining(['赫灵方岩小镇', '众泰汽车小镇', 'ATV酷玩小镇']),
    );
    for (const names of byDivision.values()) expect(names.length).toBeGreaterThanOrEqual(3);
  });

  it('gives every unit targets, and every target a known unit and metric', () => {
    const unitIds = new Set(data.units.map((u) => u.id));
    const metricIds = new Set(data.metrics.map((m) => m.id));
    for (const t of data.targets) {
      expect(unitIds.has(t.unitId)).toBe(true);
      expect(metricIds.has(t.metricId)).toBe(true);
      expect(t.target).toBeGreaterThan(0);
    }
    for (const u of data.units) expect(data.targets.some((t) => t.unitId === u.id)).toBe(true);
    const pairs = data.targets.map((t) => `${t.unitId}/${t.metricId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });
});

describe('the demo users', () => {
  const users = buildDemoUsers();

  it('give every unit a reporter and some units a leader', () => {
    for (const u of data.units) {
      expect(users.filter((x) => x.role === 'reporter' && x.unitId === u.id)).toHaveLength(1);
    }
    expect(users.filter((x) => x.role === 'unit_leader').length).toBeGreaterThanOrEqual(3);
  });

  it('include a supervisor, a city leader and an admin, with no unit', () => {
    for (const role of ['supervisor', 'leader', 'admin'] as const) {
      const found = users.filter((u) => u.role === role);
      expect(found).toHaveLength(1);
      expect(found[0]?.unitId).toBeNull();
    }
  });

  it('are all demo accounts with Chinese names and distinct ids', () => {
    expect(users.every((u) => u.demo === true && /^[\u4e00-\u9fa5]{2,4}$/.test(u.name))).toBe(true);
    expect(new Set(users.map((u) => u.id)).size).toBe(users.length);
  });
});
