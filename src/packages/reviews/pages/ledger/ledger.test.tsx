import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setSession } from '../../../../api/session';
import { campaignData } from '../../../../testing/fixtures';
import { users } from '../../../../testing/tasks-fixtures';
import { makeEntry, NOW } from '../../testing/fixtures';
import { calls, ok, serve } from '../../testing/serve';
import { ledgerLines } from './entries';
import { Ledger } from './index';

jest.mock('../../../../api/transport', () => ({ transport: jest.fn() }));

const AFTER_END = Date.parse('2025-04-12T04:00:00.000Z');

let modal: jest.SpyInstance;
beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(AFTER_END);
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
  modal = jest
    .spyOn(Taro, 'showModal')
    .mockImplementation(async () => ({ confirm: true, cancel: false, errMsg: 'showModal:ok' }));
});
afterEach(() => jest.restoreAllMocks());

const deducted = makeEntry();
const other = makeEntry({
  id: 'l2',
  unitId: 'u2',
  unitName: '西城街道',
  source: { kind: 'explanation', id: 'e2' },
});
const reversal = makeEntry({
  id: 'reverse:l2',
  unitId: 'u2',
  unitName: '西城街道',
  points: 1,
  reason: '数据已补报',
  source: { kind: 'reversal', id: 'l2' },
  at: '2025-04-13T01:00:00.000Z',
});
const totals = [
  { unitId: 'u1', unitName: '东城街道', points: -1 },
  { unitId: 'u2', unitName: '西城街道', points: 0 },
];

describe('考核扣分台账', () => {
  it('each unit’s total, then the entries newest first; a reversal and what it reversed are marked', async () => {
    setSession('tok', users.cityLeader);
    serve({
      'campaign.current': () => ok(campaignData),
      'ledger.list': () => ok({ entries: [deducted, other, reversal], totals }),
    });
    render(<Ledger user={users.cityLeader} />);
    const cards = await screen.findAllByTestId('ledger-entry');
    expect(screen.getByTestId('ledger-totals').textContent).toBe('各单位合计东城街道−1 分西城街道0 分');
    expect(cards[0]!.textContent).toContain('+1 分');
    expect(within(cards[0]!).getByTestId('ledger-reversal').textContent).toBe('↺撤销记录');
    expect(cards[0]!.textContent).toContain('撤销原因：数据已补报');
    const reversed = cards.find((c) => c.textContent!.includes('西城街道') && c !== cards[0])!;
    expect(within(reversed).getByTestId('ledger-reversed').textContent).toBe('—已撤销');
    // Only a supervisor reverses
    expect(screen.queryByTestId('reverse')).toBeNull();
  });

  it('a supervisor reverses a deduction with a reason, after confirming; one already reversed offers nothing', async () => {
    setSession('tok', users.supervisor);
    serve({
      'campaign.current': () => ok(campaignData),
      'ledger.list': () => ok({ entries: [deducted, other, reversal], totals }),
      'ledger.reverse': () =>
        ok({ entry: makeEntry({ id: 'reverse:l1', points: 1, source: { kind: 'reversal', id: 'l1' } }) }),
    });
    render(<Ledger user={users.supervisor} />);
    await screen.findAllByTestId('ledger-entry');
    expect(screen.getAllByTestId('reverse')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('reverse'));
    fireEvent.click(screen.getByTestId('sheet-submit'));
    expect(await screen.findByText('⚠ 请填写撤销原因')).toBeTruthy();
    const area = await waitFor(() => {
      const el = screen.getByTestId('field-text').querySelector('textarea');
      if (!el) throw new Error('no textarea yet');
      return el;
    });
    fireEvent.input(area, { target: { value: '经核实目标已完成' } });
    fireEvent.click(screen.getByTestId('sheet-submit'));
    await waitFor(() => expect(calls('ledger.reverse')).toHaveLength(1));
    expect(modal.mock.calls[0]![0]).toMatchObject({ title: '撤销扣分', confirmText: '撤销' });
    expect(calls('ledger.reverse')[0]).toMatchObject({ entryId: 'l1', reason: '经核实目标已完成' });
  });

  it('before the campaign ends, says what will be entered here', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
    setSession('tok', users.reporter);
    serve({
      'campaign.current': () => ok(campaignData),
      'ledger.list': () => ok({ entries: [], totals: [] }),
    });
    render(<Ledger user={users.reporter} />);
    expect(
      await screen.findByText('竞赛结束后，未完成的目标按项记入考核扣分台账，扣分原因一并列明。'),
    ).toBeTruthy();
  });
});

describe('ledger lines', () => {
  it('a deduction is reversible until a reversal names it', () => {
    const lines = ledgerLines([deducted, other, reversal]);
    expect(lines.map((l) => [l.entry.id, l.reversedBy?.id ?? null, l.undoes?.id ?? null])).toEqual([
      ['reverse:l2', null, 'l2'],
      ['l1', null, null],
      ['l2', 'reverse:l2', null],
    ]);
  });
});
