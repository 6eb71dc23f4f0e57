/**
 * The demo campaign's 挂图作战 tasks and 难题 as store records (all `demo: true`), built from the task list
 * (task-list.ts, projects.ts), the demo units, tracks, metrics and users. Days count from the campaign's day
 * 41 (the demo's today), so they line up with the demo posts whenever the demo is seeded. Each problem
 * comes with its raising event and every later step, each taken by a user of the side the lifecycle asks
 * for (core/domain/problem-steps.ts): the responsible unit's reporter or leader, or the supervisor.
 */
import dayjs from 'dayjs';
import type { Day, ProblemStatus } from '../../contract';
import { addDays, daysBetween, dayOf } from '../../domain/days';
import { checkStep } from '../../domain/problem-steps';
import type { CampaignData, UserRecord } from '../ports';
import type { DecideStep, ProblemEventRecord, ProblemRecord, TaskRecord } from '../tasks/store';
import { demoDaysElapsed } from './campaign';
import { shanghaiInstant } from './days';
import { demoMetrics, demoTracks } from './metrics';
import { createRng, seedOf, type Rng } from './prng';
import { projectTaskSpecs } from './projects';
import { contactLeaderOf, otherTaskSpecs, type Offset, type TaskSpec } from './task-list';
import { demoUnits, type DemoUnitKey } from './units';
import { demoUserIds } from './users';

export interface DemoProblem {
  /** The problem as raised (status `open`); its steps bring it to where the demo shows it. */
  problem: ProblemRecord;
  raised: ProblemEventRecord;
  /** Every later step, oldest first. */
  steps: ProblemEventRecord[];
}

export interface DemoTasks {
  tasks: TaskRecord[];
  problems: DemoProblem[];
}

/** Every demo task spec: 百日攻坚 (the 31 projects included), 百日招商, 百日服务. */
export const demoTaskSpecs: readonly TaskSpec[] = [...projectTaskSpecs, ...otherTaskSpecs];

const startNotes = [
  '已成立工作专班，明确专人对接。',
  '已召开协调会，制定处理方案和时间表。',
  '已与相关部门对接，正在办理。',
];
const closeNotes = [
  '经现场核实，问题已解决，同意销号。',
  '佐证材料齐全，予以销号。',
  '督导组复核无误，同意销号。',
];

/** Epoch milliseconds of an ISO instant (the store keeps times as numbers). */
const instantMs = (iso: string): number => dayjs(iso).valueOf();

export const demoTaskId = (spec: TaskSpec): string => `demo-task-${spec.key}`;

/** The demo's today: day 41 of the campaign, whenever it was seeded. */
export const demoToday = (data: CampaignData): Day => addDays(data.campaign.startDate, demoDaysElapsed);

export function buildDemoTasks(data: CampaignData, users: readonly UserRecord[]): DemoTasks {
  const today = demoToday(data);
  const userById = new Map(users.map((u) => [u.id, u]));
  const user = (id: string): UserRecord => {
    const found = userById.get(id);
    if (!found) throw new Error(`demo user ${id} missing`);
    return found;
  };
  const supervisor = user(demoUserIds.supervisor);
  const reporter = (unit: DemoUnitKey) => user(demoUserIds.reporter(unit));
  const leaderOr = (unit: DemoUnitKey) => userById.get(demoUserIds.unitLeader(unit)) ?? reporter(unit);
  const dayAt = (offset: Offset): Day => addDays(today, offset);
  const at = (offset: Offset, rng: Rng): number =>
    instantMs(shanghaiInstant(dayAt(offset), rng.int(8, 17), rng.int(0, 59)));
  const base = { cityId: data.cityId, campaignId: data.campaign.id, demo: true } as const;

  const tasks: TaskRecord[] = [];
  const problems: DemoProblem[] = [];
  let problemNo = 0;
  for (const spec of demoTaskSpecs) {
    const id = demoTaskId(spec);
    const trackId = demoTracks[spec.track].id;
    tasks.push({
      ...base,
      id,
      title: spec.title,
      content: spec.content,
      targetText: spec.target,
      trackId,
      leadUnitId: demoUnits[spec.lead].id,
      unitIds: [spec.lead, ...spec.also].map((k) => demoUnits[k].id),
      contactLeader: contactLeaderOf[spec.lead],
      supervisorName: supervisor.name,
      supervisorId: supervisor.id,
      deadline: dayAt(spec.deadline),
      metricId: spec.metric === null ? null : demoMetrics[spec.metric].id,
      done: spec.done !== undefined,
      // Imported with the campaign on its first morning; a done task was last saved when marked done.
      updatedAt: instantMs(
        spec.done === undefined
          ? shanghaiInstant(dayAt(-demoDaysElapsed), 8, 30)
          : shanghaiInstant(dayAt(spec.done), 17, 30),
      ),
    });

    for (const p of spec.problems ?? []) {
      problemNo += 1;
      const problemId = `demo-problem-${String(problemNo).padStart(2, '0')}`;
      const rng = createRng(seedOf(problemId));
      const raiser = p.raisedBySupervisor ? supervisor : reporter(p.unit);
      const raisedAt = at(p.raised, rng);
      const problem: ProblemRecord = {
        ...base,
        id: problemId,
        taskId: id,
        trackId,
        unitId: demoUnits[p.unit].id,
        title: p.title,
        detail: p.detail,
        category: p.category,
        dueDay: dayAt(p.due),
        status: 'open',
        raisedDay: dayAt(p.raised),
        raisedById: raiser.id,
        closedDay: null,
        createdAt: raisedAt,
        updatedAt: raisedAt,
      };
      const raised: ProblemEventRecord = {
        problemId,
        at: raisedAt,
        byId: raiser.id,
        byName: raiser.name,
        from: null,
        to: 'open',
        note: p.detail,
        requestId: `demo-raise-${problemId}`,
      };
      let from: ProblemStatus = 'open';
      const steps = p.steps.map(([offset, to, note], i): ProblemEventRecord => {
        const by =
          to === 'closed' || to === 'reopened'
            ? supervisor
            : to === 'resolved'
              ? leaderOr(p.unit)
              : reporter(p.unit);
        const late = daysBetween(dayAt(p.due), dayAt(offset));
        if (note === undefined && (to === 'resolved' || to === 'reopened'))
          throw new Error(`demo ${problemId}: a step to ${to} needs its own note`);
        const said =
          note ??
          (to === 'in_progress'
            ? rng.pick(startNotes)
            : late > 0
              ? `问题已解决，但比限期晚${late}天销号，纳入月度通报。`
              : rng.pick(closeNotes));
        const event = {
          problemId,
          at: at(offset, rng),
          byId: by.id,
          byName: by.name,
          from,
          to,
          note: said,
          requestId: `demo-step-${problemId}-${i + 1}`,
        };
        from = to;
        return event;
      });
      problems.push({ problem, raised, steps });
    }
  }
  return { tasks, problems };
}

/**
 * The store's `decide` for one planned step: taken only from the status the plan expects and only as the
 * lifecycle allows for this user, so a seed never writes a history the app itself would refuse.
 */
export function demoStep(event: ProblemEventRecord, by: UserRecord): DecideStep {
  return (current) => {
    if (current.status !== event.from)
      return {
        ok: false,
        code: 'CONFLICT',
        message: `演示难题 ${current.id} 现在是 ${current.status}，不是 ${event.from ?? '新建'}`,
      };
    const check = checkStep(current.status, event.to, by, current.unitId, event.note);
    if (!check.ok) return check;
    return {
      ok: true,
      problem: {
        ...current,
        status: event.to,
        updatedAt: event.at,
        closedDay: event.to === 'closed' ? dayOf(event.at) : current.closedDay,
      },
      event,
    };
  };
}
