import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Review } from '../../../../../core/contract';
import { setSession } from '../../../../api/session';
import { transport } from '../../../../api/transport';
import { users } from '../../../../testing/tasks-fixtures';
import { draft, NOW, published } from '../../testing/fixtures';
import { calls, ok, refuse, serve } from '../../testing/serve';
import { ReviewScreen } from './index';

jest.mock('../../../../api/transport', () => ({ transport: jest.fn() }));
const send = transport as jest.MockedFunction<typeof transport>;

let modal: jest.SpyInstance;
function confirmWith(confirm: boolean) {
  modal.mockImplementation(async () => ({ confirm, cancel: !confirm, errMsg: 'showModal:ok' }));
}

beforeEach(() => {
  send.mockReset();
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
  modal = jest.spyOn(Taro, 'showModal');
});
afterEach(() => jest.restoreAllMocks());

const texts = (testId: string) =>
  [...document.querySelectorAll(`[data-testid="${testId}"]`)].map((n) => n.textContent);

describe('a published 通报', () => {
  it('shows its title, version, note and, per division and metric, the units ranked by growth', async () => {
    setSession('tok', users.reporter);
    serve({ 'review.get': () => ok({ review: published(), versions: [1] }) });
    render(
      <ReviewScreen user={users.reporter} period="2025-01" first={{ draft: false, version: undefined }} />,
    );
    expect((await screen.findByTestId('review-title')).textContent).toBe('2025年1月月度通报');
    expect(calls('review.get')).toEqual([{ period: '2025-01' }]);
    expect(screen.getByText(/第 1 版 · 2025-02-03 10:00 发布 · 赵敏/)).toBeTruthy();
    expect(screen.getByTestId('review-note').textContent).toContain('请列入约谈的单位对照目标找差距。');
    expect(screen.queryByTestId('versions')).toBeNull();

    const tables = screen.getAllByTestId('review-table');
    expect(tables.map((t) => t.querySelector('.rtable__title')!.textContent)).toEqual([
      '完成投资',
      '签约项目',
    ]);
    expect(tables[0]!.querySelector('.rtable__hint')!.textContent).toBe('按增幅排名 · 单位：亿元');
    const invest = within(tables[0]!).getAllByTestId('review-row');
    expect(invest.map((r) => r.querySelector('.rrow__rank')!.textContent)).toEqual(['1', '2', '—']);
    expect(invest.map((r) => r.querySelector('.rrow__unit')!.textContent)).toEqual([
      '西城街道',
      '东城街道',
      '南城街道',
    ]);
    // 本月完成, 月度目标, 上年同期, 增幅 of the flagged unit, 未完成 in words, and its 约谈 level
    const east = invest[1]!;
    expect([...east.querySelectorAll('.rrow__fig')].map((f) => f.textContent)).toEqual([
      '本月完成3 亿元',
      '月度目标4 亿元',
      '上年同期4 亿元',
      '增幅↓25%',
    ]);
    expect(within(east).getByTestId('completion').textContent).toBe('✗ 未完成');
    expect(within(east).getByTestId('completion').className).toContain('rrow__done--missed');
    expect(within(east).getByTestId('level-chip').textContent).toBe('⚠约谈分管领导');
    expect(within(invest[0]!).queryByTestId('level-chip')).toBeNull();
    expect(within(invest[2]!).getByTestId('completion').textContent).toBe('无月度目标');
    // Flagged on 完成投资 only: no chip on its 签约项目 row
    expect(within(tables[1]!).queryByTestId('level-chip')).toBeNull();

    expect(screen.getByTestId('review-flagged').textContent).toContain('东城街道⚠约谈分管领导');
    expect(screen.getByTestId('review-excluded').textContent).toContain(
      '南城街道 · 完成投资：无上年同期数，不参与增幅排名',
    );
    expect(screen.getByTestId('export')).toBeTruthy();
    expect(screen.getByTestId('print')).toBeTruthy();
    // Checking against the latest figures is a supervisor's
    expect(screen.queryByText('按最新数据核对')).toBeNull();
  });

  it('a corrected one: the versions to switch between, and what the correction changed', async () => {
    setSession('tok', users.cityLeader);
    const v2 = published({ version: 2, changes: ['「东城街道」完成投资：本月完成 2 → 3'] });
    serve({
      'review.get': (d) => ok({ review: d.version === 1 ? published() : v2, versions: [1, 2] }),
    });
    render(
      <ReviewScreen user={users.cityLeader} period="2025-01" first={{ draft: false, version: undefined }} />,
    );
    expect((await screen.findByTestId('review-title')).textContent).toBe('2025年1月月度通报（第 2 版）');
    expect(screen.getByTestId('review-changes').textContent).toContain('本月完成 2 → 3');
    expect(texts('versions')[0]).toContain('✓ 第 2 版（最新）');
    // The version shown, tapped again, is not asked for a second time.
    fireEvent.click(screen.getByText('✓ 第 2 版（最新）'));
    expect(calls('review.get')).toHaveLength(1);
    fireEvent.click(screen.getByText('第 1 版'));
    await screen.findByText('这是第 1 版，已被第 2 版更正。');
    expect(calls('review.get').at(-1)).toEqual({ period: '2025-01', version: 1 });
    expect(screen.queryByTestId('review-changes')).toBeNull();
  });

  it('a month not published yet says so instead of an error', async () => {
    setSession('tok', users.reporter);
    serve({
      'review.get': () => refuse('NOT_FOUND', '2025年1月的通报尚未发布。'),
    });
    render(
      <ReviewScreen user={users.reporter} period="2025-01" first={{ draft: false, version: undefined }} />,
    );
    expect(await screen.findByText('2025年1月的通报尚未发布。')).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
  });
});

describe('a supervisor’s draft', () => {
  const publishedV1: Review = published({ note: '请对照目标找差距。' });

  it('publishes with the note only after the confirm modal, then shows the published 通报', async () => {
    setSession('tok', users.supervisor);
    serve({
      'review.draft': () => ok(draft),
      'review.publish': () => ok({ review: publishedV1 }),
      'review.get': () => ok({ review: publishedV1, versions: [1] }),
    });
    render(
      <ReviewScreen user={users.supervisor} period="2025-01" first={{ draft: true, version: undefined }} />,
    );
    await screen.findByText('草稿');
    const area = await waitFor(() => {
      const el = screen.getByTestId('field-note').querySelector('textarea');
      if (!el) throw new Error('no textarea yet');
      return el;
    });
    fireEvent.input(area, { target: { value: '  请对照目标找差距。 ' } });

    confirmWith(false);
    fireEvent.click(screen.getByTestId('publish'));
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1));
    expect(modal.mock.calls[0]![0]).toMatchObject({
      title: '发布通报',
      content: expect.stringContaining('列入约谈的 1 个单位负责人将收到约谈通知'),
    });
    expect(calls('review.publish')).toEqual([]);

    confirmWith(true);
    fireEvent.click(screen.getByTestId('publish'));
    await waitFor(() => expect(calls('review.publish')).toHaveLength(1));
    expect(calls('review.publish')[0]).toMatchObject({ period: '2025-01', note: '请对照目标找差距。' });
    expect(calls('review.publish')[0]!.requestId).toEqual(expect.any(String));
    await waitFor(() => expect(screen.getByTestId('review-title').textContent).toBe('2025年1月月度通报'));
    expect(screen.queryByText('草稿')).toBeNull();
    expect(calls('review.get')).toEqual([{ period: '2025-01', version: 1 }]);
    expect(screen.getByTestId('review-note').textContent).toContain('请对照目标找差距。');
  });

  it('a refusal stays on the page in the server’s words, and a retry sends the same requestId', async () => {
    setSession('tok', users.supervisor);
    confirmWith(true);
    serve({
      'review.draft': () => ok(draft),
      'review.publish': () =>
        refuse('CONFLICT', '2025年1月通报第 1 版已发布，此后数据没有变化，无需重新发布。'),
    });
    render(
      <ReviewScreen user={users.supervisor} period="2025-01" first={{ draft: true, version: undefined }} />,
    );
    fireEvent.click(await screen.findByTestId('publish'));
    expect((await screen.findByTestId('publish-error')).textContent).toContain('无需重新发布');
    fireEvent.click(screen.getByTestId('publish'));
    await waitFor(() => expect(calls('review.publish')).toHaveLength(2));
    const [first, second] = calls('review.publish');
    expect(second!.requestId).toBe(first!.requestId);
  });

  it('is a supervisor’s only: anyone else is told so and nothing is asked for', async () => {
    setSession('tok', users.cityLeader);
    serve({});
    render(
      <ReviewScreen user={users.cityLeader} period="2025-01" first={{ draft: true, version: undefined }} />,
    );
    expect(screen.getByText('只有督办员可以查看和发布通报草稿。')).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });
});
