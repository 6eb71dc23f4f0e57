import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ActionOutput } from '../../../../../core/contract';
import { setSession } from '../../../../api/session';
import { routes } from '../../../../lib/routes';
import { users } from '../../../../testing/tasks-fixtures';
import { NOW } from '../../testing/fixtures';
import { ok, serve } from '../../testing/serve';
import { Months } from './index';

jest.mock('../../../../api/transport', () => ({ transport: jest.fn() }));

const months: ActionOutput<'review.list'>['months'] = [
  { period: '2025-02', closed: false, published: null },
  { period: '2025-01', closed: true, published: null },
  {
    period: '2024-12',
    closed: true,
    published: {
      id: 'c1:2024-12:v2',
      campaignId: 'c1',
      period: '2024-12',
      version: 2,
      publishedAt: '2025-01-05T02:00:00.000Z',
      publishedByName: '赵敏',
      flaggedCount: 3,
    },
  },
];

let go: jest.SpyInstance;
beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  go = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
});
afterEach(() => jest.restoreAllMocks());

const cards = () => screen.getAllByTestId('month');
const state = (card: HTMLElement) => within(card).getByTestId('month-state').textContent;

describe('月度通报: the campaign’s months', () => {
  it('newest first: 本月未结束, 待发布, and the published one with its version and 约谈 count', async () => {
    setSession('tok', users.reporter);
    serve({ 'review.list': () => ok({ months }) });
    render(<Months user={users.reporter} />);
    await screen.findAllByTestId('month');
    expect(cards().map((c) => c.querySelector('.mo__name')!.textContent)).toEqual([
      '2025年2月',
      '2025年1月',
      '2024年12月',
    ]);
    expect(cards().map(state)).toEqual(['…本月未结束', '○待发布', '✓已发布 · 第 2 版']);
    expect(cards()[2]!.textContent).toContain('2025-01-05 发布 · 3 个单位列入约谈');
    // A reporter opens the published month only: the others have nothing to read yet
    fireEvent.click(cards()[0]!);
    fireEvent.click(cards()[1]!);
    expect(go).not.toHaveBeenCalled();
    expect(cards()[1]!.textContent).toContain('督办员核对后发布');
    fireEvent.click(cards()[2]!);
    expect(go).toHaveBeenCalledWith({ url: routes.review({ period: '2024-12' }) });
  });

  it('a supervisor opens a closed unpublished month’s draft', async () => {
    setSession('tok', users.supervisor);
    serve({ 'review.list': () => ok({ months }) });
    render(<Months user={users.supervisor} />);
    await screen.findAllByTestId('month');
    expect(cards()[1]!.textContent).toContain('点击核对草稿并发布');
    fireEvent.click(cards()[1]!);
    expect(go).toHaveBeenCalledWith({ url: '/packages/reviews/pages/review/index?period=2025-01&draft=1' });
  });

  it('says what comes when there are no months yet', async () => {
    setSession('tok', users.reporter);
    serve({ 'review.list': () => ok({ months: [] }) });
    render(<Months user={users.reporter} />);
    expect(await screen.findByText('竞赛开始后，每月的通报会列在这里。')).toBeTruthy();
  });
});
