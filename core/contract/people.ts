/**
 * Joining and reminders (issue 4): invite codes, accounts on the self-hosted server, the WeChat
 * binding of an OPENID, and the in-app notification list.
 */
import { z } from 'zod';
import { Role } from './entities';

const LOOKALIKES = new Set(['I', 'O', '0', '1']);

/**
 * Short, unambiguous, typed on a phone: 8 characters of A–Z and 2–9 without I, O, 0, 1. The message says
 * which rule a code breaks (length first, then look-alikes, then anything else), naming the characters.
 */
export const InviteCode = z
  .string({ error: '邀请码应为文字' })
  .trim()
  .toUpperCase()
  .superRefine((code, ctx) => {
    const chars = [...code];
    if (chars.length !== 8) {
      ctx.addIssue({ code: 'custom', message: '邀请码为 8 位字母或数字，请核对后重新输入' });
      return;
    }
    const unique = (pick: (c: string) => boolean) => [...new Set(chars.filter(pick))].join('、');
    const lookalikes = unique((c) => LOOKALIKES.has(c));
    if (lookalikes) {
      ctx.addIssue({
        code: 'custom',
        message: `邀请码不含 I、O、0、1 这几个容易看错的字符，你输入了 ${lookalikes}：请对照管理员给的邀请码重新输入`,
      });
      return;
    }
    const others = unique((c) => !/^[A-HJ-NP-Z2-9]$/.test(c));
    if (others) ctx.addIssue({ code: 'custom', message: `邀请码只含字母和数字，不能有 ${others}，请核对后重新输入` });
  });

export const Account = z
  .string({ error: '账号应为文字' })
  .trim()
  .min(3, '账号至少 3 个字符')
  .max(32, '账号最多 32 个字符')
  .regex(/^[A-Za-z0-9_.@-]+$/, '账号只能包含字母、数字和 _ . @ -');

export const Password = z
  .string({ error: '密码应为文字' })
  .min(8, '密码至少 8 位')
  .max(128, '密码最多 128 位');

export const PersonName = z.string({ error: '姓名应为文字' }).trim().min(1, '请填写姓名').max(20, '姓名最多 20 个字');

export const Invite = z.object({
  code: z.string(),
  role: Role,
  unitId: z.string().nullable(),
  /** ISO instant after which the code no longer works. */
  expiresAt: z.string(),
});
export type Invite = z.infer<typeof Invite>;

export const notificationKinds = [
  'no_post',
  'problem_overdue',
  /** A task due within 3 days with problems not closed off: its supervisor (issue 12). */
  'task_due',
  'interview_due',
  'explanation_due',
  'review_published',
  /** A comment or 点评 on a post: its unit and those who commented before (in the app only). */
  'comment',
] as const;
export const NotificationKind = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const Notification = z.object({
  id: z.string(),
  kind: NotificationKind,
  title: z.string(),
  body: z.string(),
  /** What it is about (a unit, a problem, a review), for the app to link to. */
  subjectId: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;
