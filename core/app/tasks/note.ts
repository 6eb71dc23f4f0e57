/**
 * 挂图作战, `task.note`: a reporter or the leader of one of the task's responsible units writes a
 * progress note for their own unit. Figures sent with it also become a normal post in the feed, through
 * post.create's own handler (the router hands it in): the same checks, the same transaction, the same
 * standings. The post's requestId is made from the note's, so a retried note finds its post instead of
 * making another, and the note itself is kept once per (author, requestId): a replay answers the first.
 */
import { fail, ok, roleNames } from '../../contract';
import { isUnitStaff } from '../../domain/problem-steps';
import { callerCampaign } from '../campaigns/view';
import type { Route } from '../context';
import { findTask, noteOut, unitName, type Feed } from './shared';

/** The requestId of the post a note's figures become: the note's own, marked, so a replay finds it. */
export const notePostRequestId = (requestId: string): string => `note:${requestId}`;

export function taskNote(feed: Feed): Route<'task.note'> {
  return {
    access: 'user',
    run: async (ctx, input) => {
      const { user } = ctx;
      const { store, clock, ids } = ctx.deps;
      if (!isUnitStaff(user.role))
        return fail(
          'FORBIDDEN',
          `${roleNames[user.role]}不能写任务进展：只有任务责任单位的填报员或单位负责人可以。`,
        );
      if (user.unitId === null)
        return fail('FORBIDDEN', '你的账号未绑定单位，不能写任务进展；请联系管理员绑定单位。');
      const cur = await callerCampaign(ctx, user, input.campaignId);
      if (!cur.ok) return cur;
      const view = cur.data;
      const unitId = input.unitId ?? user.unitId;
      if (unitId !== user.unitId)
        return fail(
          'FORBIDDEN',
          `只能为本单位写进展：你属于「${unitName(view, user.unitId)}」，不能为「${unitName(view, unitId)}」写。`,
        );
      const found = await findTask(ctx, view, input.taskId);
      if (!found.ok) return found;
      const task = found.data;
      if (!task.unitIds.includes(unitId))
        return fail(
          'FORBIDDEN',
          `「${unitName(view, unitId)}」不是任务「${task.title}」的责任单位，不能写它的进展。`,
        );
      const campaignId = view.data.campaign.id;
      // A retry of a note already kept: the first answer, and no second look at its figures.
      const kept = (await store.tasks.listTaskNotes(campaignId, task.id)).find(
        (n) => n.authorId === user.id && n.requestId === input.requestId,
      );
      if (kept) return ok({ note: noteOut(kept) });

      let postId: string | null = null;
      const figures = input.figures ?? [];
      if (figures.length > 0) {
        const posted = await feed.post(ctx, {
          campaignId,
          unitId,
          figures,
          // The feed shows which task the figures are progress on.
          text: `【${task.title}】${input.text}`,
          requestId: notePostRequestId(input.requestId),
          ...(input.correctionReason !== undefined ? { correctionReason: input.correctionReason } : {}),
        });
        if (!posted.ok) return posted;
        postId = posted.data.post.id;
      } else {
        // Without figures no post screens the text; others read the note all the same.
        const screened = await feed.screen(ctx, input.text);
        if (!screened.ok) return screened;
      }
      const { note } = await store.tasks.addTaskNote({
        id: ids.newId(),
        cityId: view.data.cityId,
        campaignId,
        taskId: task.id,
        unitId,
        authorId: user.id,
        authorName: user.name,
        text: input.text,
        postId,
        createdAt: clock.now(),
        requestId: input.requestId,
      });
      return ok({ note: noteOut(note) });
    },
  };
}
