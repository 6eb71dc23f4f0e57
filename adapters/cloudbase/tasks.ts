/**
 * The tasks slice on the cloud database: 挂图作战 tasks, one document each per campaign; progress notes,
 * whose `_id` is the author's request key (`{author:requestId}`), so that one insert both adds a note and
 * refuses a second one for the same request; and problems with their lifecycle (./problems.ts). Lists are
 * read whole, 100 documents a query (./reads.ts `readAll`), and sorted here: a campaign has dozens of
 * tasks and hundreds of problems at most.
 */
import type { TaskNoteRecord, TaskRecord, TaskStore } from '../../core/app/tasks/store';
import { collections as C, docId } from './collections';
import { createProblem, getProblem, listProblems, problemHistory, stepProblem } from './problems';
import { stamped } from './schema';
import { isDuplicate, order, readAllCurrent, readCurrent } from './task-docs';
import type { WxDatabase } from './wx-types';

async function saveTask(db: WxDatabase, task: TaskRecord): Promise<void> {
  await db
    .collection(C.tasks)
    .doc(docId(task.campaignId, task.id))
    .set({ data: stamped({ campaignId: task.campaignId, record: task }) });
}

async function getTask(db: WxDatabase, campaignId: string, taskId: string): Promise<TaskRecord | null> {
  const doc = await readCurrent(C.tasks, db.collection(C.tasks).doc(docId(campaignId, taskId)));
  return doc ? (doc.record as TaskRecord) : null;
}

async function listTasks(db: WxDatabase, campaignId: string): Promise<TaskRecord[]> {
  const docs = await readAllCurrent(db, C.tasks, { campaignId });
  return docs
    .map((d) => d.record as TaskRecord)
    .sort((a, b) => order(a.deadline, b.deadline) || order(a.id, b.id));
}

async function addTaskNote(
  db: WxDatabase,
  note: TaskNoteRecord,
): Promise<{ note: TaskNoteRecord; replayed: boolean }> {
  const id = docId(note.authorId, note.requestId);
  try {
    await db.collection(C.taskNotes).add({
      data: stamped({ _id: id, campaignId: note.campaignId, taskId: note.taskId, record: note }),
    });
    return { note, replayed: false };
  } catch (e) {
    if (!isDuplicate(e)) throw e;
  }
  const first = await readCurrent(C.taskNotes, db.collection(C.taskNotes).doc(id));
  if (!first) throw new Error(`task note ${id} refused as taken but not found`);
  return { note: first.record as TaskNoteRecord, replayed: true };
}

/** Newest first; notes of one millisecond by id, the later id first. */
async function listTaskNotes(db: WxDatabase, campaignId: string, taskId: string): Promise<TaskNoteRecord[]> {
  const docs = await readAllCurrent(db, C.taskNotes, { campaignId, taskId });
  return docs
    .map((d) => d.record as TaskNoteRecord)
    .sort((a, b) => b.createdAt - a.createdAt || order(b.id, a.id));
}

export const taskStore = (db: WxDatabase): TaskStore => ({
  saveTask: (task) => saveTask(db, task),
  getTask: (campaignId, taskId) => getTask(db, campaignId, taskId),
  listTasks: (campaignId) => listTasks(db, campaignId),
  addTaskNote: (note) => addTaskNote(db, note),
  listTaskNotes: (campaignId, taskId) => listTaskNotes(db, campaignId, taskId),
  createProblem: (problem, event) => createProblem(db, problem, event),
  stepProblem: (campaignId, problemId, by, decide) => stepProblem(db, campaignId, problemId, by, decide),
  getProblem: (campaignId, problemId) => getProblem(db, campaignId, problemId),
  listProblems: (campaignId) => listProblems(db, campaignId),
  problemHistory: (campaignId, problemId) => problemHistory(db, campaignId, problemId),
});
