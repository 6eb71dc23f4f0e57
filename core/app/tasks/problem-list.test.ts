/**
 * Reading problems: problem.list (filters, the longest open first and closed ones last, page by page),
 * and 拆槛除障 (board.blockers) counted by hand.
 */
import type { ProblemCategory } from '../../contract';
import { at10, codeOf, taskArena } from '../../../tests/app/tasks';

/*
 * Two tasks: 攻坚 (units A, B; 百日攻坚) and 服务 (unit C; 百日服务). Raised on the day shown, due as shown:
 *   p1 09-20 A land     due 10-01  open                   overdue on 10-10
 *   p2 09-25 B funding  due 10-20  in progress
 *   p3 09-25 A land     due 10-05  closed off 10-03        (on time)
 *   p4 10-01 C approval due 10-08  resolved, not closed    overdue on 10-10
 *   p5 10-05 C policy   due 10-30  closed off 10-06
 *   p6 10-10 A energy   due 10-10  open                   due today: not overdue
 */
async function seeded() {
  const t = await taskArena();
  const build = await t.saveTask({ title: '攻坚' });
  const serve = await t.saveTask({ title: '服务', trackId: 't-serve', leadUnitId: 'C', unitIds: [] });
  const raise = async (
    day: string,
    taskId: string,
    unitId: string,
    category: ProblemCategory,
    dueDate: string,
  ) => {
    t.setNow(at10(day));
    return t.raise(taskId, { unitId, category, dueDate, title: `${unitId}-${category}` }, 'supervisor');
  };
  const p1 = await raise('2025-09-20', build.id, 'A', 'land', '2025-10-01');
  const p2 = await raise('2025-09-25', build.id, 'B', 'funding', '2025-10-20');
  await t.stepOk(p2.id, 'in_progress', 'repB');
  const p3 = await raise('2025-09-25', build.id, 'A', 'land', '2025-10-05');
  t.setNow(at10('2025-10-03'));
  await t.closeOff(p3.id);
  const p4 = await raise('2025-10-01', serve.id, 'C', 'approval', '2025-10-08');
  await t.stepOk(p4.id, 'in_progress', 'repC');
  await t.stepOk(p4.id, 'resolved', 'repC', '已办结');
  const p5 = await raise('2025-10-05', serve.id, 'C', 'policy', '2025-10-30');
  t.setNow(at10('2025-10-06'));
  await t.closeOff(p5.id, 'repC');
  const p6 = await raise('2025-10-10', build.id, 'A', 'energy', '2025-10-10');
  return { t, build, serve, p: { p1, p2, p3, p4, p5, p6 } };
}

describe('problem.list', () => {
  it('puts the longest open first and closed ones last, for any signed-in user', async () => {
    const { t, p } = await seeded();
    const { items, nextCursor } = await t.expectOk('problem.list', {}, t.tok.repD);
    expect(items.map((x) => x.id)).toEqual([p.p1.id, p.p2.id, p.p4.id, p.p6.id, p.p3.id, p.p5.id]);
    expect(items.map((x) => x.overdue)).toEqual([true, false, true, false, false, false]);
    expect(nextCursor).toBeNull();
  });

  it('filters by status, category, unit, task and overdue, combined', async () => {
    const { t, build, serve, p } = await seeded();
    const ids = async (filter: Record<string, unknown>) =>
      (await t.expectOk('problem.list', filter, t.tok.leader)).items.map((x) => x.id);
    expect(await ids({ status: 'closed' })).toEqual([p.p3.id, p.p5.id]);
    expect(await ids({ status: 'resolved' })).toEqual([p.p4.id]);
    expect(await ids({ category: 'land' })).toEqual([p.p1.id, p.p3.id]);
    expect(await ids({ unitId: 'A' })).toEqual([p.p1.id, p.p6.id, p.p3.id]);
    expect(await ids({ taskId: serve.id })).toEqual([p.p4.id, p.p5.id]);
    expect(await ids({ overdue: true })).toEqual([p.p1.id, p.p4.id]);
    expect(await ids({ overdue: false, taskId: build.id })).toEqual([p.p2.id, p.p6.id, p.p3.id]);
    expect(await ids({ unitId: 'A', status: 'open', overdue: false })).toEqual([p.p6.id]);
    expect(await ids({ unitId: 'D' })).toEqual([]);
    expect(codeOf(await t.call('problem.list', { unitId: 'X' }, t.tok.leader))).toBe('NOT_FOUND');
    expect(codeOf(await t.call('problem.list', { taskId: 'X' }, t.tok.leader))).toBe('NOT_FOUND');
  });

  it('pages through them, each problem once, and refuses a cursor it did not give', async () => {
    const { t, p } = await seeded();
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const r = await t.expectOk('problem.list', { limit: 4, ...(cursor ? { cursor } : {}) }, t.tok.leader);
      seen.push(...r.items.map((x) => x.id));
      if (r.nextCursor === null) break;
      cursor = r.nextCursor;
      // A step between pages does not lose or repeat a problem still in its place.
      if (page === 0) await t.stepOk(p.p6.id, 'in_progress', 'repA');
    }
    expect(seen).toEqual([p.p1.id, p.p2.id, p.p4.id, p.p6.id, p.p3.id, p.p5.id]);
    const bad = await t.call('problem.list', { cursor: 'garbage' }, t.tok.leader);
    expect(bad).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: 'cursor：翻页位置无效，请从第一页重新加载。' },
    });
  });
});

describe('board.blockers (拆槛除障)', () => {
  it('counts open, overdue and closed problems by cause and by track, and lists the oldest open ones', async () => {
    const { t, p } = await seeded();
    const b = await t.expectOk('board.blockers', {}, t.tok.leader);
    const zero = { open: 0, overdue: 0, closed: 0 };
    expect(b.byCategory).toEqual([
      { category: 'policy', ...zero, closed: 1 },
      { category: 'funding', ...zero, open: 1 },
      { category: 'land', open: 1, overdue: 1, closed: 1 },
      { category: 'energy', ...zero, open: 1 },
      { category: 'approval', open: 1, overdue: 1, closed: 0 },
      { category: 'enterprise', ...zero },
      { category: 'other', ...zero },
    ]);
    expect(b.byTrack).toEqual([
      // 攻坚: p1 (overdue), p2, p6 open; p3 closed.
      { trackId: 't-build', trackName: '百日攻坚', open: 3, overdue: 1, closed: 1 },
      // 服务: p4 open (overdue, waiting for 销号); p5 closed.
      { trackId: 't-serve', trackName: '百日服务', open: 1, overdue: 1, closed: 1 },
    ]);
    expect(b.oldestOpen.map((x) => x.id)).toEqual([p.p1.id, p.p2.id, p.p4.id, p.p6.id]);
    expect(b.oldestOpen[0]).toMatchObject({ overdue: true, raisedDay: '2025-09-20', dueDate: '2025-10-01' });
  });

  it('shows every cause at zero for a campaign without problems', async () => {
    const t = await taskArena();
    const b = await t.expectOk('board.blockers', {}, t.tok.repA);
    expect(b.byCategory.every((c) => c.open + c.overdue + c.closed === 0)).toBe(true);
    expect(b.byCategory).toHaveLength(7);
    expect(b.byTrack.map((x) => x.trackName)).toEqual(['百日攻坚', '百日服务']);
    expect(b.oldestOpen).toEqual([]);
  });
});
