import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ActionOutput, LearnDivision } from '../../../../../core/contract';
import { setSession } from '../../../../api/session';
import { calls, ok, refuse, serve } from '../../../../components/PostCard/testing';
import { campaignData, makePost } from '../../../../testing/fixtures';
import { users } from '../../../../testing/tasks-fixtures';
import { LearnView, NO_EXEMPLARS } from './index';

jest.mock('../../../../api/transport', () => ({ transport: jest.fn() }));

const now = Date.parse('2025-02-10T02:03:00.000Z');
/** The fixture campaign with a second track, so that 学 offers the filter. */
const twoTracks: ActionOutput<'campaign.current'> = {
  ...campaignData,
  tracks: [
    ...campaignData.tracks,
    {
      id: 't2',
      name: '百日招商',
      leadUnitId: 'u2',
      metrics: [{ id: 'm-funds', name: '到位资金', measure: '亿元', kind: 'cumulative', direction: 'up' }],
    },
  ],
};

const marked = (reason: string, byName = '钱振国') => ({ reason, byName, at: '2025-02-10T01:00:00.000Z' });
const exemplars = [
  makePost({ id: 'e1', text: '夜间施工审批一站办', exemplar: marked('审批提速的做法值得推广'), likes: 4 }),
  makePost({
    id: 'e2',
    unitId: 'u2',
    unitName: '西城街道',
    text: '项目专班周调度',
    exemplar: marked('专班机制可复制', '赵敏'),
  }),
];
const leaders: LearnDivision[] = [
  {
    division: '乡镇街道',
    units: [
      {
        unitId: 'u2',
        unitName: '西城街道',
        rank: 1,
        score: 112.34,
        posts: [
          makePost({
            id: 'l1',
            unitId: 'u2',
            unitName: '西城街道',
            text: '签约两个项目',
            figures: [{ metricId: 'm-count', value: 3, previous: 1 }],
          }),
        ],
      },
      { unitId: 'u1', unitName: '东城街道', rank: 2, score: 104.5, posts: [] },
    ],
  },
];

let navigate: jest.SpyInstance;
beforeEach(() => {
  setSession('tok', users.reporter);
  navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
});
afterEach(() => jest.restoreAllMocks());

function answer(page: Partial<ActionOutput<'learn.list'>> = {}) {
  serve({
    'campaign.current': () => ok(twoTracks),
    'learn.list': () => ok({ exemplars, nextCursor: null, leaders, ...page }),
  });
}

describe('学', () => {
  it('shows the 经验做法 in the order they were marked, each with why and by whom', async () => {
    answer();
    render(<LearnView user={users.reporter} now={now} />);
    const list = await screen.findByTestId('learn-exemplars');
    const cards = within(list).getAllByTestId('post-card');
    expect(cards.map((c) => c.querySelector('.post__text')?.textContent)).toEqual([
      '夜间施工审批一站办',
      '项目专班周调度',
    ]);
    expect(within(cards[0]!).getByTestId('exemplar').textContent).toContain(
      '审批提速的做法值得推广钱振国 推荐',
    );
    expect(within(cards[1]!).getByTestId('exemplar').textContent).toContain('赵敏 推荐');
    // 赞 and 评论 as in 晒
    expect(within(cards[0]!).getByTestId('like').textContent).toBe('♡赞 4');
    expect(screen.getByText('没有更多了')).toBeTruthy();
    expect(calls('learn.list')).toEqual([{}]);
  });

  it('filters by track: all, or one of the campaign’s tracks', async () => {
    answer();
    render(<LearnView user={users.reporter} now={now} />);
    await screen.findByTestId('learn-exemplars');
    const chips = screen.getByLabelText('子活动');
    expect([...chips.querySelectorAll('.chips__item')].map((c) => c.textContent)).toEqual([
      '✓ 全部',
      '百日攻坚',
      '百日招商',
    ]);
    fireEvent.click(within(chips).getByText('百日招商'));
    await waitFor(() => expect(calls('learn.list')).toEqual([{}, { trackId: 't2' }]));
  });

  it('says what 经验做法 are and who recommends them when there are none', async () => {
    answer({ exemplars: [] });
    render(<LearnView user={users.reporter} now={now} />);
    await screen.findByText(NO_EXEMPLARS);
    expect(NO_EXEMPLARS).toBe('还没有推荐的经验做法。督办员和市领导可在动态上点“推荐为经验做法”。');
    expect(screen.queryByTestId('post-card')).toBeNull();
  });

  it('各组前三: each division’s top units with rank, score and their latest posts; a tap opens the unit', async () => {
    answer();
    render(<LearnView user={users.reporter} now={now} />);
    await screen.findByTestId('learn-exemplars');
    fireEvent.click(screen.getByTestId('learn-tab-leaders'));
    const division = await screen.findByTestId('learn-division');
    expect(division.textContent).toContain('乡镇街道 · 前三');
    const units = within(division).getAllByTestId('learn-unit');
    expect(units.map((u) => u.querySelector('.lunit__name')?.textContent)).toEqual(['西城街道', '东城街道']);
    expect(units[0]!.querySelector('.lunit__rank')?.className).toContain('lunit__rank--top1');
    expect(units[0]!.querySelector('.lunit__score')?.textContent).toBe('112.3 分');
    expect(within(units[0]!).getByTestId('learn-post').textContent).toContain('签约项目 3 个');
    expect(within(units[0]!).getByTestId('learn-post').textContent).toContain('签约两个项目');
    expect(units[1]!.textContent).toContain('还没有发布动态');
    fireEvent.click(units[0]!);
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/unit/pages/detail/index?unitId=u2' });
  });

  it('says why when 学 did not load, and 重试 asks again', async () => {
    let first = true;
    serve({
      'campaign.current': () => ok(twoTracks),
      'learn.list': () => {
        if (!first) return ok({ exemplars, nextCursor: null, leaders });
        first = false;
        return refuse('INTERNAL', '服务器出错了，请稍后重试');
      },
    });
    render(<LearnView user={users.reporter} now={now} />);
    await screen.findByText('没能加载');
    expect(screen.getByText('服务器出错了，请稍后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    await screen.findByTestId('learn-exemplars');
    expect(screen.queryByText('没能加载')).toBeNull();
  });
});
