/**
 * The tasks slice in SQLite (0013_tasks): 挂图作战 tasks, their progress notes, problems and each problem's
 * steps. Writes that replay by requestId look the request up and write in one immediate transaction, so a
 * retry racing the first attempt finds it. A step reads the problem, decides and writes inside BEGIN
 * IMMEDIATE: two steps at once take turns and the second decides on the first's result. Problem writes
 * bump the campaign's data version in the same transaction, as a post does.
 */
import type { Database } from 'better-sqlite3';
import type { Day, ProblemCategory, ProblemStatus } from '../../core/contract';
import type {
  DecideStep,
  ProblemEventRecord,
  ProblemRecord,
  StepResult,
  TaskNoteRecord,
  TaskRecord,
  TaskStore,
} from '../../core/app/tasks/store';

interface TaskRow {
  campaign_id: string;
  id: string;
  city_id: string;
  title: string;
  content: string;
  target_text: string;
  track_id: string;
  lead_unit_id: string;
  unit_ids: string;
  contact_leader: string;
  supervisor_name: string;
  supervisor_id: string | null;
  deadline: Day;
  metric_id: string | null;
  done: 0 | 1;
  demo: 0 | 1;
  updated_at: number;
}

interface NoteRow {
  id: string;
  city_id: string;
  campaign_id: string;
  task_id: string;
  unit_id: string;
  author_id: string;
  author_name: string;
  text: string;
  post_id: string | null;
  created_at: number;
  request_id: string;
}

interface ProblemRow {
  campaign_id: string;
  id: string;
  city_id: string;
  task_id: string;
  track_id: string;
  unit_id: string;
  title: string;
  detail: string;
  category: ProblemCategory;
  due_day: Day;
  status: ProblemStatus;
  raised_day: Day;
  raised_by_id: string;
  closed_day: Day | null;
  created_at: number;
  updated_at: number;
  demo: 0 | 1;
}

interface EventRow {
  problem_id: string;
  at: number;
  by_id: string;
  by_name: string;
  from_status: ProblemStatus | null;
  to_status: ProblemStatus;
  note: string;
  request_id: string;
}

const toTask = (r: TaskRow): TaskRecord => ({
  id: r.id,
  cityId: r.city_id,
  campaignId: r.campaign_id,
  title: r.title,
  content: r.content,
  targetText: r.target_text,
  trackId: r.track_id,
  leadUnitId: r.lead_unit_id,
  unitIds: JSON.parse(r.unit_ids) as string[],
  contactLeader: r.contact_leader,
  supervisorName: r.supervisor_name,
  supervisorId: r.supervisor_id,
  deadline: r.deadline,
  metricId: r.metric_id,
  done: r.done === 1,
  demo: r.demo === 1,
  updatedAt: r.updated_at,
});

const toNote = (r: NoteRow): TaskNoteRecord => ({
  id: r.id,
  cityId: r.city_id,
  campaignId: r.campaign_id,
  taskId: r.task_id,
  unitId: r.unit_id,
  authorId: r.author_id,
  authorName: r.author_name,
  text: r.text,
  postId: r.post_id,
  createdAt: r.created_at,
  requestId: r.request_id,
});

const toProblem = (r: ProblemRow): ProblemRecord => ({
  id: r.id,
  cityId: r.city_id,
  campaignId: r.campaign_id,
  taskId: r.task_id,
  trackId: r.track_id,
  unitId: r.unit_id,
  title: r.title,
  detail: r.detail,
  category: r.category,
  dueDay: r.due_day,
  status: r.status,
  raisedDay: r.raised_day,
  raisedById: r.raised_by_id,
  closedDay: r.closed_day,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  demo: r.demo === 1,
});

const toEvent = (r: EventRow): ProblemEventRecord => ({
  problemId: r.problem_id,
  at: r.at,
  byId: r.by_id,
  byName: r.by_name,
  from: r.from_status,
  to: r.to_status,
  note: r.note,
  requestId: r.request_id,
});

const problemColumns =
  'campaign_id, id, city_id, task_id, track_id, unit_id, title, detail, category, due_day, status, raised_day, raised_by_id, closed_day, created_at, updated_at, demo';
const problemParams = (p: ProblemRecord) => ({ ...p, demo: p.demo ? 1 : 0 });

export function taskStore(db: Database): TaskStore {
  const upsertTask = db.prepare(`
    INSERT INTO tasks (campaign_id, id, city_id, title, content, target_text, track_id, lead_unit_id, unit_ids,
      contact_leader, supervisor_name, supervisor_id, deadline, metric_id, done, demo, updated_at)
    VALUES (@campaignId, @id, @cityId, @title, @content, @targetText, @trackId, @leadUnitId, @unitIds,
      @contactLeader, @supervisorName, @supervisorId, @deadline, @metricId, @done, @demo, @updatedAt)
    ON CONFLICT (campaign_id, id) DO UPDATE SET city_id = excluded.city_id, title = excluded.title,
      content = excluded.content, target_text = excluded.target_text, track_id = excluded.track_id,
      lead_unit_id = excluded.lead_unit_id, unit_ids = excluded.unit_ids, contact_leader = excluded.contact_leader,
      supervisor_name = excluded.supervisor_name, supervisor_id = excluded.supervisor_id,
      deadline = excluded.deadline, metric_id = excluded.metric_id, done = excluded.done, demo = excluded.demo,
      updated_at = excluded.updated_at`);
  const getTask = db.prepare<[string, string], TaskRow>(
    'SELECT * FROM tasks WHERE campaign_id = ? AND id = ?',
  );
  const listTasks = db.prepare<[string], TaskRow>(
    'SELECT * FROM tasks WHERE campaign_id = ? ORDER BY deadline, id',
  );

  const noteByRequest = db.prepare<[string, string], NoteRow>(
    'SELECT * FROM task_notes WHERE author_id = ? AND request_id = ?',
  );
  const insertNote = db.prepare(`
    INSERT INTO task_notes (id, city_id, campaign_id, task_id, unit_id, author_id, author_name, text, post_id,
      created_at, request_id)
    VALUES (@id, @cityId, @campaignId, @taskId, @unitId, @authorId, @authorName, @text, @postId, @createdAt,
      @requestId)`);
  const listNotes = db.prepare<[string, string], NoteRow>(
    'SELECT * FROM task_notes WHERE campaign_id = ? AND task_id = ? ORDER BY created_at DESC, seq DESC',
  );

  const problemByRequest = db.prepare<[string, string], ProblemRow>(
    `SELECT ${problemColumns} FROM problems WHERE raised_by_id = ? AND request_id = ?`,
  );
  const insertProblem = db.prepare(`
    INSERT INTO problems (${problemColumns}, request_id)
    VALUES (@campaignId, @id, @cityId, @taskId, @trackId, @unitId, @title, @detail, @category, @dueDay, @status,
      @raisedDay, @raisedById, @closedDay, @createdAt, @updatedAt, @demo, @requestId)`);
  // A step changes what a step may change; the keys, the raiser and the raising request stay.
  const updateProblem = db.prepare(`
    UPDATE problems SET task_id = @taskId, track_id = @trackId, unit_id = @unitId, title = @title,
      detail = @detail, category = @category, due_day = @dueDay, status = @status, closed_day = @closedDay,
      updated_at = @updatedAt, demo = @demo
    WHERE campaign_id = @campaignId AND id = @id`);
  const getProblem = db.prepare<[string, string], ProblemRow>(
    `SELECT ${problemColumns} FROM problems WHERE campaign_id = ? AND id = ?`,
  );
  const listProblems = db.prepare<[string], ProblemRow>(
    `SELECT ${problemColumns} FROM problems WHERE campaign_id = ? ORDER BY raised_day, created_at, id`,
  );

  const insertEvent = db.prepare(`
    INSERT INTO problem_events (city_id, campaign_id, problem_id, at, by_id, by_name, from_status, to_status, note,
      request_id)
    VALUES (@cityId, @campaignId, @problemId, @at, @byId, @byName, @from, @to, @note, @requestId)`);
  const stepTaken = db.prepare<[string, string, string, string], { seq: number }>(
    'SELECT seq FROM problem_events WHERE campaign_id = ? AND problem_id = ? AND by_id = ? AND request_id = ?',
  );
  const history = db.prepare<[string, string], EventRow>(
    'SELECT * FROM problem_events WHERE campaign_id = ? AND problem_id = ? ORDER BY seq',
  );

  const bumpVersion = db.prepare<[string], { data_version: number }>(
    'UPDATE campaigns SET data_version = data_version + 1 WHERE id = ? RETURNING data_version',
  );
  const bump = (campaignId: string) => {
    // Throwing rolls the whole write back: no problem is kept that the standings would not see.
    if (!bumpVersion.get(campaignId)) throw new Error(`竞赛「${campaignId}」不存在，难题未保存。`);
  };

  const addNote = db.transaction((note: TaskNoteRecord) => {
    const seen = noteByRequest.get(note.authorId, note.requestId);
    if (seen) return { note: toNote(seen), replayed: true };
    insertNote.run(note);
    return { note, replayed: false };
  });

  const create = db.transaction((problem: ProblemRecord, event: ProblemEventRecord) => {
    const seen = problemByRequest.get(problem.raisedById, event.requestId);
    if (seen) return { problem: toProblem(seen), replayed: true };
    insertProblem.run({ ...problemParams(problem), requestId: event.requestId });
    insertEvent.run({
      ...event,
      cityId: problem.cityId,
      campaignId: problem.campaignId,
      problemId: problem.id,
    });
    bump(problem.campaignId);
    return { problem, replayed: false };
  });

  const step = db.transaction(
    (
      campaignId: string,
      problemId: string,
      by: { byId: string; requestId: string },
      decide: DecideStep,
    ): StepResult => {
      // Replay before deciding: the first step is done, and deciding again on its result would refuse it.
      const replayed = stepTaken.get(campaignId, problemId, by.byId, by.requestId) !== undefined;
      const row = getProblem.get(campaignId, problemId);
      if (!row) return { ok: false, code: 'NOT_FOUND', message: '没有找到这个难题，它不在本次竞赛中。' };
      if (replayed) return { ok: true, problem: toProblem(row), replayed: true };
      const decided = decide(toProblem(row));
      if (!decided.ok) return decided;
      const { event } = decided;
      // The replay key is the caller's: an event filed under another one would never be found again.
      if (event.byId !== by.byId || event.requestId !== by.requestId)
        throw new Error('难题步骤的记录与请求不一致，未保存。');
      // The keys are the ones read: decide cannot move the problem to another campaign or id.
      const problem: ProblemRecord = { ...decided.problem, campaignId, id: problemId };
      updateProblem.run(problemParams(problem));
      insertEvent.run({ ...event, cityId: row.city_id, campaignId, problemId });
      bump(campaignId);
      return { ok: true, problem, replayed: false };
    },
  );

  // `async` turns a thrown error (a constraint, a throwing decide) into a rejected promise, as callers expect.
  return {
    saveTask: async (task) =>
      void upsertTask.run({
        ...task,
        unitIds: JSON.stringify(task.unitIds),
        done: task.done ? 1 : 0,
        demo: task.demo ? 1 : 0,
      }),
    getTask: async (campaignId, taskId) => {
      const row = getTask.get(campaignId, taskId);
      return row ? toTask(row) : null;
    },
    listTasks: async (campaignId) => listTasks.all(campaignId).map(toTask),
    addTaskNote: async (note) => addNote.immediate(note),
    listTaskNotes: async (campaignId, taskId) => listNotes.all(campaignId, taskId).map(toNote),
    createProblem: async (problem, event) => create.immediate(problem, event),
    stepProblem: async (campaignId, problemId, by, decide) =>
      step.immediate(campaignId, problemId, by, decide),
    getProblem: async (campaignId, problemId) => {
      const row = getProblem.get(campaignId, problemId);
      return row ? toProblem(row) : null;
    },
    listProblems: async (campaignId) => listProblems.all(campaignId).map(toProblem),
    problemHistory: async (campaignId, problemId) => history.all(campaignId, problemId).map(toEvent),
  };
}
