/** The 挂图 list laid out: tasks grouped by track in the campaign's order, and counted by light. */
import type { Light, TaskItem, Track } from '../../../../core/contract';

/** Worst first, as the filter chips read. */
export const lightOrder: readonly Light[] = ['red', 'yellow', 'green', 'done'];

export interface TrackGroup {
  trackId: string;
  name: string;
  tasks: TaskItem[];
}

/** Groups in the campaign's track order; a task of a track the campaign does not name goes last, under 其他. */
export function groupByTrack(
  tasks: readonly TaskItem[],
  tracks: readonly Pick<Track, 'id' | 'name'>[],
): TrackGroup[] {
  const groups = tracks.map((t) => ({ trackId: t.id, name: t.name, tasks: [] as TaskItem[] }));
  const other: TrackGroup = { trackId: '', name: '其他任务', tasks: [] };
  for (const task of tasks) (groups.find((g) => g.trackId === task.trackId) ?? other).tasks.push(task);
  return [...groups, other].filter((g) => g.tasks.length > 0);
}

export function countByLight(tasks: readonly TaskItem[]): Record<Light, number> {
  const counts = Object.fromEntries(lightOrder.map((l) => [l, 0])) as Record<Light, number>;
  for (const t of tasks) counts[t.light] += 1;
  return counts;
}
