/**
 * The cloud functions' settings from their environment variables: safe defaults (demo off), a template
 * per reminder kind with the keywords it fills, and bad values reported rather than taken. The settings
 * the server reads too are held against it in tests/hosts/settings.test.ts.
 */
import { readCloudSettings } from './settings';

describe('cloud settings', () => {
  it('with nothing set: demo off, no templates (in-app reminders only), no console tasks', () => {
    const s = readCloudSettings({});
    expect(s.settings.demo).toBe(false);
    expect(s.settings.rateLimitPerMinute).toBeGreaterThanOrEqual(120);
    expect(s.templates).toEqual({});
    expect(s.taskKey).toBeNull();
    expect(s.page).toBe('pages/me/index');
    expect(s.miniprogramState).toBe('formal');
    expect(s.problems).toEqual([]);
    expect(s.warnings).toEqual([]);
  });

  it('reads demo mode, the rate limit, the task key and a template per kind with its keywords', () => {
    const s = readCloudSettings({
      ARENA_DEMO: '1',
      RATE_LIMIT_PER_MINUTE: '300',
      ARENA_TASK_KEY: ' s3cret ',
      ARENA_TPL_NO_POST: 'tplA',
      ARENA_TPL_REVIEW_PUBLISHED: 'tplB',
      ARENA_TPL_REVIEW_PUBLISHED_FIELDS: 'thing2=title, time5=time ,phrase1=kind',
      ARENA_MP_STATE: 'trial',
    });
    expect(s.settings).toMatchObject({ demo: true, rateLimitPerMinute: 300 });
    expect(s.taskKey).toBe('s3cret');
    expect(s.templates).toEqual({
      no_post: { id: 'tplA', fields: { thing1: 'title', thing2: 'body', time3: 'time' } },
      review_published: { id: 'tplB', fields: { thing2: 'title', time5: 'time', phrase1: 'kind' } },
    });
    expect(s.miniprogramState).toBe('trial');
    expect(s.warnings).toEqual([]);
  });

  it('bad values are reported and not used', () => {
    const s = readCloudSettings({
      ARENA_DEMO: 'yes please',
      RATE_LIMIT_PER_MINUTE: '10',
      ARENA_TPL_NO_POST: 'tplA',
      ARENA_TPL_NO_POST_FIELDS: 'thing1=author',
      ARENA_MP_STATE: 'prod',
    });
    expect(s.settings.demo).toBe(false);
    expect(s.settings.rateLimitPerMinute).toBe(600);
    expect(s.templates.no_post).toBeUndefined();
    expect(s.miniprogramState).toBe('formal');
    expect(s.problems).toHaveLength(3);
    expect(s.problems.join('\n')).toMatch(/RATE_LIMIT_PER_MINUTE[\s\S]*ARENA_TPL_NO_POST_FIELDS[\s\S]*ARENA_MP_STATE/);
    expect(s.warnings).toEqual([expect.stringContaining('ARENA_DEMO 只有为 1 时才开启演示模式')]);
  });

  it('a keyword fed a source its type cannot take refuses the template when the settings are read, saying why', () => {
    const s = readCloudSettings({
      ARENA_TPL_NO_POST: 'tplA',
      ARENA_TPL_NO_POST_FIELDS: 'thing1=title,phrase2=title',
      ARENA_TPL_INTERVIEW_DUE: 'tplB',
      ARENA_TPL_INTERVIEW_DUE_FIELDS: 'time1=body,number2=kind',
      ARENA_TPL_REVIEW_PUBLISHED: 'tplC',
      ARENA_TPL_REVIEW_PUBLISHED_FIELDS: 'phrase1=kind,date2=time,short_thing3=title,name4=kind',
      ARENA_TPL_PROBLEM_OVERDUE: 'tpl with spaces',
    });
    expect(Object.keys(s.templates)).toEqual(['review_published']);
    expect(s.problems).toHaveLength(4);
    const all = s.problems.join('\n');
    expect(all).toMatch(/ARENA_TPL_NO_POST_FIELDS：phrase2 是「汉字」（5 个以内纯汉字），不能填 title（标题）：只能填 kind；该类提醒只发站内消息/);
    expect(all).toMatch(/ARENA_TPL_INTERVIEW_DUE_FIELDS：time1 是「时间」.*不能填 body/);
    expect(all).toMatch(/ARENA_TPL_INTERVIEW_DUE_FIELDS：number2 是「数字」.*本程序没有能填它的内容/);
    expect(all).toMatch(/ARENA_TPL_PROBLEM_OVERDUE 不像模板 ID/);
  });
});
