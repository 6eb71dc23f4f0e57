import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setSession } from '../../../../api/session';
import { campaignData } from '../../../../testing/fixtures';
import { users } from '../../../../testing/tasks-fixtures';
import { makeInterview, NOW } from '../../testing/fixtures';
import { calls, ok, refuse, serve } from '../../testing/serve';
import { Interviews } from './index';

jest.mock('../../../../api/transport', () => ({ transport: jest.fn() }));

let modal: jest.SpyInstance;
beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
  modal = jest
    .spyOn(Taro, 'showModal')
    .mockImplementation(async () => ({ confirm: true, cancel: false, errMsg: 'showModal:ok' }));
});
afterEach(() => jest.restoreAllMocks());

const items = [
  makeInterview(),
  makeInterview({
    id: 'c1:2024-12:u2',
    period: '2024-12',
    unitId: 'u2',
    unitName: '西城街道',
    level: 2,
    attendees: ['main', 'deputy'],
    dueDate: '2025-01-15',
    status: 'held',
    heldAt: '2025-01-10',
    note: '主要领导作表态发言。',
    recordedByName: '赵敏',
  }),
];

async function typeNote(value: string) {
  const el = await waitFor(() => {
    const inner = screen.getByTestId('field-text').querySelector('textarea');
    if (!inner) throw new Error('no textarea yet');
    return inner;
  });
  fireEvent.input(el, { target: { value } });
}

describe('约谈', () => {
  it('lists the ones still to hold first, each with its level, who attends and the due date', async () => {
    setSession('tok', users.reporter);
    serve({ 'campaign.current': () => ok(campaignData), 'interview.list': () => ok({ items }) });
    render(<Interviews user={users.reporter} focus="" />);
    const [card] = await screen.findAllByTestId('interview');
    expect(screen.getAllByTestId('interview')).toHaveLength(1);
    expect(card!.textContent).toContain('东城街道');
    expect(within(card!).getByTestId('level-chip').textContent).toBe('⚠约谈分管领导');
    expect(card!.textContent).toContain('参加：分管领导');
    expect(card!.textContent).toContain('期限：2月13日前（还剩 3 天）');
    expect(within(card!).getByTestId('interview-status').textContent).toBe('○待约谈');
    // Recording is a supervisor's
    expect(screen.queryByTestId('record')).toBeNull();
    expect(screen.getByText('本单位约谈')).toBeTruthy();

    fireEvent.click(screen.getByText('已约谈'));
    const held = screen.getAllByTestId('interview');
    expect(held).toHaveLength(1);
    expect(held[0]!.textContent).toContain('‼约谈主要领导');
    expect(held[0]!.textContent).toContain('参加：主要领导、分管领导');
    expect(held[0]!.textContent).toContain('已于 1月10日 约谈 · 记录：赵敏');
    expect(held[0]!.textContent).toContain('主要领导作表态发言。');
  });

  it('opened from a notice: every record shown, the one it is about marked', async () => {
    setSession('tok', users.leader_u1);
    serve({ 'campaign.current': () => ok(campaignData), 'interview.list': () => ok({ items }) });
    render(<Interviews user={users.leader_u1} focus="c1:2025-01:u1" />);
    await screen.findAllByTestId('interview');
    const cards = screen.getAllByTestId('interview');
    expect(cards).toHaveLength(2);
    expect(cards.map((c) => c.className.includes('ritem--focus'))).toEqual([true, false]);
  });

  it('a supervisor records one held: the note is required, the day defaults to today, and it asks first', async () => {
    setSession('tok', users.supervisor);
    serve({
      'campaign.current': () => ok(campaignData),
      'interview.list': () => ok({ items }),
      'interview.record': () => ok({ interview: makeInterview({ status: 'held', heldAt: '2025-02-10' }) }),
    });
    render(<Interviews user={users.supervisor} focus="" />);
    fireEvent.click(await screen.findByTestId('record'));
    expect(screen.getByTestId('pick-heldAt').textContent).toContain('2月10日');
    fireEvent.click(screen.getByTestId('sheet-submit'));
    expect((await screen.findByText('⚠ 请填写约谈情况')).textContent).toBeTruthy();
    expect(modal).not.toHaveBeenCalled();

    await typeNote('已约谈分管副主任，要求月底前补齐进度。');
    // The day it was held, picked: what Taro's picker fires
    const picker = screen.getByTestId('field-heldAt').querySelector('taro-picker-core')!;
    act(() => {
      picker.dispatchEvent(new CustomEvent('change', { detail: { value: '2025-02-07' }, bubbles: true }));
    });
    fireEvent.click(screen.getByTestId('sheet-submit'));
    await waitFor(() => expect(calls('interview.record')).toHaveLength(1));
    expect(modal.mock.calls[0]![0].content).toBe('「东城街道」已于 2月7日 约谈？记录后不能修改。');
    expect(calls('interview.record')[0]).toMatchObject({
      interviewId: 'c1:2025-01:u1',
      heldAt: '2025-02-07',
      note: '已约谈分管副主任，要求月底前补齐进度。',
    });
    await waitFor(() => expect(screen.queryByTestId('sheet')).toBeNull());
    expect(calls('interview.list')).toHaveLength(2);
  });

  it('a refusal stays on the form in plain words', async () => {
    setSession('tok', users.supervisor);
    serve({
      'campaign.current': () => ok(campaignData),
      'interview.list': () => ok({ items }),
      'interview.record': () =>
        refuse('INVALID_ARGUMENT', 'heldAt：约谈日期应在 2025-01 月结束之后（通报发布之后）。'),
    });
    render(<Interviews user={users.supervisor} focus="" />);
    fireEvent.click(await screen.findByTestId('record'));
    await typeNote('已约谈。');
    fireEvent.click(screen.getByTestId('sheet-submit'));
    expect((await screen.findByTestId('sheet-error')).textContent).toBe(
      '⚠ 约谈日期应在 2025-01 月结束之后（通报发布之后）。',
    );
    expect(screen.getByTestId('sheet')).toBeTruthy();
  });

  it('says what a 约谈 is when a unit has none', async () => {
    setSession('tok', users.reporter);
    serve({ 'campaign.current': () => ok(campaignData), 'interview.list': () => ok({ items: [] }) });
    render(<Interviews user={users.reporter} focus="" />);
    expect(await screen.findByText(/本单位没有约谈记录。月度通报中未完成月度目标/)).toBeTruthy();
  });
});
