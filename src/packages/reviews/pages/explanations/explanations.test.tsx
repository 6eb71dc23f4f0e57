import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setSession } from '../../../../api/session';
import { campaignData } from '../../../../testing/fixtures';
import { users } from '../../../../testing/tasks-fixtures';
import { makeExplanation, NOW } from '../../testing/fixtures';
import { calls, ok, serve } from '../../testing/serve';
import { Explanations } from './index';

jest.mock('../../../../api/transport', () => ({ transport: jest.fn() }));

/** After the demo campaign's end (2025-04-10). */
const AFTER_END = Date.parse('2025-04-12T04:00:00.000Z');

let modal: jest.SpyInstance;
function confirmWith(confirm: boolean) {
  modal.mockImplementation(async () => ({ confirm, cancel: !confirm, errMsg: 'showModal:ok' }));
}
beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(AFTER_END);
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
  modal = jest.spyOn(Taro, 'showModal');
  confirmWith(true);
});
afterEach(() => jest.restoreAllMocks());

async function typeText(value: string) {
  const el = await waitFor(() => {
    const inner = screen.getByTestId('field-text').querySelector('textarea');
    if (!inner) throw new Error('no textarea yet');
    return inner;
  });
  fireEvent.input(el, { target: { value } });
}

const submitted = makeExplanation({
  status: 'submitted',
  text: '受项目审批延迟影响。',
  submittedAt: '2025-04-13T02:00:00.000Z',
  submittedByName: '张伟',
});

describe('书面说明', () => {
  it('before the campaign ends, says what will come here', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
    setSession('tok', users.reporter);
    serve({ 'campaign.current': () => ok(campaignData), 'explanation.list': () => ok({ items: [] }) });
    render(<Explanations user={users.reporter} focus="" />);
    expect(await screen.findByText('竞赛结束后，未完成目标的单位需在此提交书面说明')).toBeTruthy();
  });

  it('the unit’s leader writes it and submits after confirming; the target and where it ended are shown', async () => {
    setSession('tok', users.leader_u1);
    serve({
      'campaign.current': () => ok(campaignData),
      'explanation.list': () => ok({ items: [makeExplanation()] }),
      'explanation.submit': () => ok({ explanation: submitted }),
    });
    render(<Explanations user={users.leader_u1} focus="" />);
    const card = await screen.findByTestId('explanation');
    expect(card.textContent).toContain('目标 10 亿元 · 完成 8.5 亿元');
    expect(card.textContent).toContain('提交期限：4月15日前（还剩 3 天）');
    expect(within(card).getByTestId('explanation-status').textContent).toBe('○待提交');
    fireEvent.click(within(card).getByTestId('write'));
    fireEvent.click(screen.getByTestId('sheet-submit'));
    expect(await screen.findByText('⚠ 请填写书面说明')).toBeTruthy();
    await typeText('受项目审批延迟影响，下月补齐。');
    confirmWith(false);
    fireEvent.click(screen.getByTestId('sheet-submit'));
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1));
    expect(calls('explanation.submit')).toEqual([]);
    confirmWith(true);
    fireEvent.click(screen.getByTestId('sheet-submit'));
    await waitFor(() => expect(calls('explanation.submit')).toHaveLength(1));
    expect(calls('explanation.submit')[0]).toMatchObject({
      explanationId: 'e1',
      text: '受项目审批延迟影响，下月补齐。',
    });
    await waitFor(() => expect(screen.queryByTestId('sheet')).toBeNull());
  });

  it('a reporter of the unit is told the leader submits it', async () => {
    setSession('tok', users.reporter);
    serve({
      'campaign.current': () => ok(campaignData),
      'explanation.list': () => ok({ items: [makeExplanation()] }),
    });
    render(<Explanations user={users.reporter} focus="" />);
    expect(await screen.findByText('由本单位负责人填写并提交。')).toBeTruthy();
    expect(screen.queryByTestId('write')).toBeNull();
  });

  it('a supervisor accepts after confirming, or returns with a reason it asks for', async () => {
    setSession('tok', users.supervisor);
    serve({
      'campaign.current': () => ok(campaignData),
      'explanation.list': () => ok({ items: [submitted] }),
      'explanation.decide': (d) =>
        ok({ explanation: { ...submitted, status: d.decision === 'accept' ? 'accepted' : 'returned' } }),
    });
    render(<Explanations user={users.supervisor} focus="" />);
    const card = await screen.findByTestId('explanation');
    expect(card.textContent).toContain('受项目审批延迟影响。');
    expect(screen.getByText('待审核 1 份')).toBeTruthy();

    fireEvent.click(within(card).getByTestId('return'));
    fireEvent.click(screen.getByTestId('sheet-submit'));
    expect(await screen.findByText('⚠ 请填写退回原因')).toBeTruthy();
    await typeText('请补充整改时间表');
    fireEvent.click(screen.getByTestId('sheet-submit'));
    await waitFor(() => expect(calls('explanation.decide')).toHaveLength(1));
    expect(modal.mock.calls[0]![0]).toMatchObject({ title: '退回书面说明', confirmColor: '#c62828' });
    expect(calls('explanation.decide')[0]).toMatchObject({ decision: 'return', reason: '请补充整改时间表' });
    await waitFor(() => expect(screen.queryByTestId('sheet')).toBeNull());

    fireEvent.click(within(screen.getByTestId('explanation')).getByTestId('accept'));
    await waitFor(() => expect(calls('explanation.decide')).toHaveLength(2));
    expect(modal.mock.calls[1]![0]).toMatchObject({ title: '通过书面说明' });
    expect(calls('explanation.decide')[1]).toMatchObject({ explanationId: 'e1', decision: 'accept' });
  });

  it('a returned one shows why, and its leader submits it again', async () => {
    setSession('tok', users.leader_u1);
    serve({
      'campaign.current': () => ok(campaignData),
      'explanation.list': () =>
        ok({
          items: [makeExplanation({ status: 'returned', text: '原说明', returnReason: '请补充整改时间表' })],
        }),
    });
    render(<Explanations user={users.leader_u1} focus="" />);
    const card = await screen.findByTestId('explanation');
    expect(card.textContent).toContain('退回原因：请补充整改时间表');
    expect(within(card).getByTestId('write').textContent).toBe('修改后重新提交');
  });
});
