/**
 * The cloud functions' settings, from the environment variables set on each function in the cloud
 * console (云函数 → 版本与配置 → 环境变量). Bad values are reported, not fatal: the arena keeps
 * answering and a reminder without a usable template goes to the in-app list only. The settings the
 * server reads too come from core/app/host-settings.ts, under the same names:
 *
 *   ARENA_DEMO=1                       demo login and the demo campaign (off by default)
 *   RATE_LIMIT_PER_MINUTE=600          requests a minute per user (at least 120; the old name
 *                                      ARENA_RATE_LIMIT is still read this release, with a warning)
 *
 * and these are the cloud's own:
 *
 *   ARENA_TPL_<KIND>=<templateId>      subscription template per reminder kind, e.g. ARENA_TPL_NO_POST
 *   ARENA_TPL_<KIND>_FIELDS=thing1=title,thing2=body,time3=time
 *                                      the template's keywords and what fills each (title|body|time|kind);
 *                                      a source its keyword's type cannot take refuses the template
 *                                      (adapters/cloudbase/subscribe-fields.ts), e.g. phrase takes only kind
 *   ARENA_NOTIFY_PAGE=pages/me/index   the page a tap on a message opens
 *   ARENA_MP_STATE=formal              developer | trial | formal: which version of the app that page is in
 *   ARENA_TASK_KEY=<secret>            required by the console tasks of arena-cron (setup, invites, campaigns)
 */
import { notificationKinds, type NotificationKind } from '../core/contract';
import { TEMPLATE_ID } from '../core/app/notifications/credits';
import { envText, readHostSettings, type Env } from '../core/app/host-settings';
import type { Settings } from '../core/app/ports';
import type { SubscribeSendParams } from '../adapters/cloudbase/cloud-types';
import type { SubscribeTemplate } from '../adapters/cloudbase/notifier';
import { fieldProblem, fieldSources, type FieldSource } from '../adapters/cloudbase/subscribe-fields';

export type { Env };

export interface CloudSettings {
  settings: Settings;
  templates: Partial<Record<NotificationKind, SubscribeTemplate>>;
  page: string;
  miniprogramState: NonNullable<SubscribeSendParams['miniprogramState']>;
  taskKey: string | null;
  /** Problems with the variables, in Chinese, for the log: each value was ignored. */
  problems: string[];
  /** Values read under an old name, or left off, that the operator should change; for the log. */
  warnings: string[];
}

const DEFAULT_FIELDS = 'thing1=title,thing2=body,time3=time';

/** The keywords and their sources, or the problems that refuse the template (each in Chinese). */
function parseFields(name: string, spec: string): { fields: Record<string, FieldSource> } | { problems: string[] } {
  const fields: Record<string, FieldSource> = {};
  const problems: string[] = [];
  for (const pair of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z_]+\d+)=([a-z]+)$/.exec(pair);
    if (!m || !fieldSources.includes(m[2] as FieldSource)) {
      problems.push(`${name} 格式应为「thing1=title,time2=time」（可用 ${fieldSources.join('/')}），「${pair}」不对`);
      continue;
    }
    const problem = fieldProblem(m[1]!, m[2] as FieldSource);
    if (problem) problems.push(`${name}：${problem}`);
    else fields[m[1]!] = m[2] as FieldSource;
  }
  if (problems.length === 0 && Object.keys(fields).length === 0) problems.push(`${name} 为空`);
  return problems.length > 0 ? { problems } : { fields };
}

export function readCloudSettings(env: Env): CloudSettings {
  // A bad common value keeps its default here (logged as ignored): a function that does not start
  // answers nobody, where the server refuses to start instead.
  const common = readHostSettings(env);
  const problems: string[] = [...common.problems];
  const text = (name: string) => envText(env, name);

  const templates: CloudSettings['templates'] = {};
  for (const kind of notificationKinds) {
    const name = `ARENA_TPL_${kind.toUpperCase()}`;
    const id = text(name);
    if (id === undefined) continue;
    if (!TEMPLATE_ID.test(id)) {
      problems.push(`${name} 不像模板 ID（应为字母、数字、- 和 _），实际为「${id}」；该类提醒只发站内消息`);
      continue;
    }
    const parsed = parseFields(`${name}_FIELDS`, text(`${name}_FIELDS`) ?? DEFAULT_FIELDS);
    if ('fields' in parsed) templates[kind] = { id, fields: parsed.fields };
    else problems.push(...parsed.problems.map((p) => `${p}；该类提醒只发站内消息`));
  }

  const stateRaw = text('ARENA_MP_STATE') ?? 'formal';
  const states = ['developer', 'trial', 'formal'] as const;
  const miniprogramState = states.find((s) => s === stateRaw) ?? 'formal';
  if (miniprogramState !== stateRaw) problems.push(`ARENA_MP_STATE 应为 developer、trial 或 formal，实际为「${stateRaw}」`);

  return {
    settings: common.settings,
    templates,
    page: text('ARENA_NOTIFY_PAGE') ?? 'pages/me/index',
    miniprogramState,
    taskKey: text('ARENA_TASK_KEY') ?? null,
    problems,
    warnings: common.warnings,
  };
}
