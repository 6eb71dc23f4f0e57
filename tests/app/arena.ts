/**
 * A small campaign and an arena around a given store, for the app's tests: a settable clock,
 * deterministic ids, demo users of every role, and helpers that check answers against the contract.
 * (Tests pass the store in: ./memory-store.ts, or a cloud store over the emulation.)
 */
import dayjs from 'dayjs';
import type { z } from 'zod';
import { actions, type ActionInput, type ActionName, type ActionOutput, type Result } from '../../core/contract';
import { createArena, type Caller } from '../../core/app/router';
import type { CampaignData, Deps, Settings, Store, UserRecord } from '../../core/app/ports';
import { createExcelWorkbooks } from '../../adapters/excel';

/** The test city: its users and its campaign. */
export const city = { id: 'city-t', name: '测试市' };

/** 2025-09-01 … 2025-12-09 (100 days). */
export const campaign: CampaignData = {
  cityId: city.id,
  campaign: {
    id: 'c1',
    name: '三百竞赛（测试）',
    startDate: '2025-09-01',
    endDate: '2025-12-09',
    timezone: 'Asia/Shanghai',
    weights: { performance: 40, speed: 20, quality: 15, effort: 10, contribution: 15 },
  },
  tracks: [
    { id: 't-build', name: '百日攻坚', leadUnitId: 'L' },
    { id: 't-serve', name: '百日服务', leadUnitId: 'L' },
  ],
  metrics: [
    {
      id: 'm-invest',
      trackId: 't-build',
      name: '完成投资',
      measure: '亿元',
      kind: 'cumulative',
      direction: 'up',
    },
    { id: 'm-signed', trackId: 't-build', name: '签约项目', measure: '个', kind: 'count', direction: 'up' },
    { id: 'm-npl', trackId: 't-serve', name: '不良贷款率', measure: '%', kind: 'rate', direction: 'down' },
  ],
  units: [
    { id: 'A', name: '甲镇', division: '乡镇街道' },
    { id: 'B', name: '乙镇', division: '乡镇街道' },
    { id: 'C', name: '丙平台', division: '功能平台' },
    { id: 'D', name: '丁镇', division: '乡镇街道' },
    { id: 'L', name: '市发改局', division: '市直部门' },
  ],
  targets: [
    { unitId: 'A', metricId: 'm-invest', target: 10 },
    { unitId: 'B', metricId: 'm-invest', target: 20 },
    { unitId: 'C', metricId: 'm-invest', target: 10 },
    { unitId: 'A', metricId: 'm-npl', target: 3.2 },
    { unitId: 'C', metricId: 'm-npl', target: 3.2 },
    { unitId: 'D', metricId: 'm-signed', target: 4 },
  ],
};

const user = (id: string, name: string, role: UserRecord['role'], unitId: string | null): UserRecord => ({
  id,
  name,
  role,
  cityId: city.id,
  unitId,
  demo: true,
});

export const users = {
  repA: user('rep-a', '王芳', 'reporter', 'A'),
  leadA: user('lead-a', '张伟', 'unit_leader', 'A'),
  repB: user('rep-b', '李娜', 'reporter', 'B'),
  repC: user('rep-c', '刘洋', 'reporter', 'C'),
  repD: user('rep-d', '陈静', 'reporter', 'D'),
  supervisor: user('sup', '赵督办', 'supervisor', null),
  leader: user('leader', '孙市长', 'leader', null),
  admin: user('admin', '管理员', 'admin', null),
  loose: user('loose', '周未绑', 'reporter', null),
  real: { id: 'real', name: '吴正式', role: 'reporter', cityId: city.id, unitId: 'A' } as UserRecord,
};

/** Epoch ms of an ISO instant (core has no `Date`; dayjs parses). */
export const instant = (iso: string): number => dayjs(iso).valueOf();

export interface TestArenaOptions {
  settings?: Partial<Settings>;
  /** Instant to start at; default 2025-10-10T02:00Z (10:00 in Shanghai, day 40 of 100). */
  now?: string;
  /** Save the city but not its campaign (to test "no current campaign"). */
  empty?: boolean;
  log?: Deps['log'];
  /** Optional ports: passwords, notifiers, guard, files, photo references and image checks. */
  ports?: Pick<Deps, 'passwords' | 'notifiers' | 'guard' | 'files' | 'photoRefs' | 'photoGuard'>;
}

/** The n-th code (n ≥ 1) of `length` characters of `alphabet`: distinct for each n, like a random draw. */
export function countingCode(n: number, length: number, alphabet: string): string {
  let code = '';
  for (let rest = n * 7_919; code.length < length; rest = Math.floor(rest / alphabet.length)) {
    code = alphabet[rest % alphabet.length] + code;
  }
  return code;
}

export async function testArena(store: Store, options: TestArenaOptions = {}) {
  let now = instant(options.now ?? '2025-10-10T02:00:00Z');
  let n = 0;
  const settings: Settings = {
    demo: true,
    rateLimitPerMinute: 1000,
    sessionTtlMs: 365 * 86_400_000,
    ...options.settings,
  };
  const deps: Deps = {
    store,
    clock: { now: () => now },
    ids: {
      newId: () => `id-${(n += 1)}`,
      newToken: () => `token-${(n += 1)}`,
      // Readable in a failure, and unlike the token: a store handed the token itself would not match.
      hashToken: (token) => `h-${[...token].reverse().join('')}`,
      newCode: (length, alphabet) => countingCode((n += 1), length, alphabet),
    },
    settings,
    workbooks: createExcelWorkbooks(),
    ...(options.log ? { log: options.log } : {}),
    ...options.ports,
  };
  await store.campaigns.saveCity(city);
  if (!options.empty) {
    await store.campaigns.saveCampaign(campaign);
    await store.campaigns.setCurrentCampaign(city.id, campaign.campaign.id);
  }
  for (const u of Object.values(users)) await store.people.putUser(u);
  const arena = createArena(deps);

  /** A session for any user, written straight to the store (works with demo mode off). */
  const login = async (u: UserRecord): Promise<string> => {
    const token = `tok-${u.id}-${(n += 1)}`;
    await store.people.putSession({ tokenHash: deps.ids.hashToken(token), userId: u.id, expiresAt: now + settings.sessionTtlMs });
    return token;
  };
  /** `as`: a session token, or the whole caller (an OPENID, an address). */
  const call = <A extends ActionName>(
    action: A,
    data: ActionInput<A> | Record<string, unknown>,
    as?: string | null | Caller,
  ): Promise<Result<unknown>> =>
    arena.handle({ action, data }, typeof as === 'object' && as !== null ? as : { token: as ?? null });
  /** Calls, insists on success, and checks the answer against the contract's output schema. */
  const expectOk = async <A extends ActionName>(
    action: A,
    data: ActionInput<A>,
    as?: string | null | Caller,
  ): Promise<ActionOutput<A>> => {
    const r = await call(action, data, as);
    if (!r.ok) throw new Error(`${action} failed: ${r.error.code} ${r.error.message}`);
    const schema: z.ZodType = actions[action].output;
    return schema.parse(r.data) as ActionOutput<A>;
  };
  return {
    arena,
    deps,
    store,
    login,
    call,
    expectOk,
    setNow: (iso: string) => void (now = instant(iso)),
    advance: (ms: number) => void (now += ms),
  };
}

let requestNo = 0;
/** A fresh requestId (the contract wants at least 8 characters). */
export const rid = (): string => `request-${String((requestNo += 1)).padStart(4, '0')}`;
