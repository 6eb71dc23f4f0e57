import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { arena } from '../../testing/fixtures';
import { emptyDraft, type Draft } from './draft';
import Taro from '@tarojs/taro';
import PostEditor, { type EditorProps } from './PostEditor';
import type { Checked, EditorMetric } from './validate';

const rows: EditorMetric[] = arena.metricsOf('u1').map((metric) => ({
  metric,
  current: metric.id === 'm-invest' ? 4 : null,
  target: arena.target('u1', metric.id) ?? 0,
}));

function Harness({
  onSubmit,
  initial,
  ...extra
}: { onSubmit: (c: Checked) => void; initial?: Partial<Draft> } & Partial<EditorProps>) {
  const [draft, setDraft] = useState<Draft>({ ...emptyDraft(), ...initial });
  return (
    <PostEditor
      {...extra}
      rows={rows}
      tau={0.41}
      draft={draft}
      onChange={setDraft}
      onSubmit={onSubmit}
      sending={false}
      sendFailed={false}
      photosSupported={false}
      uploading={false}
      onAddPhotos={() => undefined}
    />
  );
}

/** Taro's H5 input draws its inner <input> a tick after mounting. */
async function typeInto(metricId: string, value: string) {
  const input = await waitFor(() => {
    const el = screen.getByTestId(`metric-${metricId}`).querySelector('input');
    if (!el) throw new Error(`no input for ${metricId} yet`);
    return el;
  });
  fireEvent.input(input, { target: { value } });
}

const send = () => fireEvent.click(screen.getByText('发布'));

beforeEach(() => {
  jest.spyOn(Taro, 'pageScrollTo').mockResolvedValue({ errMsg: 'pageScrollTo:ok' });
});
afterEach(() => jest.restoreAllMocks());

describe('post editor validation', () => {
  it('shows for each metric its current value, target and what 序时 expects today', () => {
    render(<Harness onSubmit={jest.fn()} />);
    expect(screen.getByText('当前 4 亿元 · 目标 10 亿元 · 序时应达 4.1 亿元')).toBeTruthy();
    // Rates are not paced by time: no 序时 expectation.
    expect(screen.getByText('当前 未填报 · 目标 100%')).toBeTruthy();
  });

  it('sends the typed figures as numbers', async () => {
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} />);
    await typeInto('m-invest', '5.5');
    await typeInto('m-count', '2');
    send();
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0][0].figures).toEqual([
      { metricId: 'm-invest', value: 5.5 },
      { metricId: 'm-count', value: 2 },
    ]);
  });

  it('refuses a typo or a negative number beside the field, keeping what was typed', async () => {
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} />);
    await typeInto('m-count', '1a2');
    expect(screen.getByText('⚠ 「1a2」不是数字：只能填数字和一个小数点，如 12.5')).toBeTruthy();
    await typeInto('m-rate', '-3');
    expect(screen.getByText('⚠ 数值不能为负数：请填写 0 或正数')).toBeTruthy();
    send();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText(/还有 2 处需要修改/)).toBeTruthy();
    const typed = screen.getByTestId('metric-m-count').querySelector('input')!;
    expect(typed.value).toBe('1a2');
    // The first field to fix is brought into view.
    expect(Taro.pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ selector: '#mfield-m-rate' }));
  });

  it('accepts full-width digits as typed by a Chinese input method', async () => {
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} />);
    await typeInto('m-invest', '５．５');
    send();
    expect(onSubmit.mock.calls[0][0].figures).toEqual([{ metricId: 'm-invest', value: 5.5 }]);
  });

  it('shows each field’s range in its own measure', () => {
    render(<Harness onSubmit={jest.fn()} />);
    expect(screen.getByTestId('metric-m-invest').textContent).toContain('可填 0 亿元 至 1000 亿元');
    expect(screen.getByTestId('metric-m-rate').textContent).toContain('可填 0% 至 1000%');
  });

  it('asks to confirm a big jump, and sends only once confirmed', async () => {
    const onSubmit = jest.fn();
    const modal = jest.spyOn(Taro, 'showModal');
    modal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: '' });
    render(<Harness onSubmit={onSubmit} scale={{ campaignDays: 100 }} />);
    await typeInto('m-invest', '19');
    send();
    // A loaded machine may take a while to deliver the input: wait for the question, not a time.
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(modal.mock.calls[0]![0]!.content).toBe('「完成投资」填 19 亿元，比上次多 15 亿元，是否确认？');
    expect(onSubmit).not.toHaveBeenCalled();
    modal.mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: '' });
    // The first answer (再改改) is settled before 发布 is pressed again: the button reads 发布 again.
    await screen.findByText('发布', undefined, { timeout: 10_000 });
    send();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    modal.mockRestore();
  });

  it('says a draft was restored and clears it on 清除', () => {
    const onDiscard = jest.fn();
    render(<Harness onSubmit={jest.fn()} restored onDiscardDraft={onDiscard} />);
    expect(screen.getByText('已恢复上次未发送的草稿')).toBeTruthy();
    fireEvent.click(screen.getByText('清除'));
    expect(onDiscard).toHaveBeenCalledTimes(1);
  });

  it('marks the field a server refusal named, in words without field codes', () => {
    render(
      <Harness
        onSubmit={jest.fn()}
        serverError={{ message: '「完成投资」：数值应为数字', metricId: 'm-invest' }}
      />,
    );
    expect(screen.getByTestId('metric-m-invest').className).toContain('mfield--bad');
    expect(document.querySelector('.editor__summary')?.textContent).toBe(
      '⚠ 未发布：「完成投资」：数值应为数字',
    );
  });

  it('refuses a figure nobody can have with the server’s own message, beside the field', async () => {
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} />);
    await typeInto('m-invest', '35000'); // 亿元 typed in 万元: target 10 亿元
    expect(
      screen.getByText(
        '⚠ 「完成投资」应在 0–1000 亿元 之间（不超过目标 10 亿元 的 100 倍），你填的是 35000 亿元。请按「亿元」填写：若 35000 是按万元计的，应填 3.5。',
      ),
    ).toBeTruthy();
    await typeInto('m-rate', '999999999');
    expect(
      screen.getByText(
        '⚠ 「开工率」应在 0–1000% 之间（百分数），你填的是 999999999%。请填写百分数的数字部分，如 85% 填 85。',
      ),
    ).toBeTruthy();
    send();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText(/还有 2 处需要修改/)).toBeTruthy();
    // Fixed, the post goes: the edges of the ranges are allowed.
    await typeInto('m-invest', '1000');
    await typeInto('m-rate', '1000');
    send();
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0][0].figures).toEqual([
      { metricId: 'm-invest', value: 1000 },
      { metricId: 'm-rate', value: 1000 },
    ]);
  });

  it('asks for a correction reason when a running total goes down, and sends once it is given', async () => {
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} />);
    await typeInto('m-invest', '3');
    expect(screen.getByText('更正原因（累计数比上次低时必填）')).toBeTruthy();
    // Beside the figure it explains, not under the last metric.
    expect(screen.getByTestId('metric-m-invest').textContent).toContain('更正原因');
    send();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getAllByText(/完成投资（上次 4）比上次低/).length).toBeGreaterThan(0);

    const reason = await waitFor(() => {
      const el = document.querySelector<HTMLTextAreaElement>('textarea[placeholder^="例如"]');
      if (!el) throw new Error('no reason field yet');
      return el;
    });
    fireEvent.input(reason, { target: { value: '上次多报了 1 亿元' } });
    send();
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0][0].decreased).toEqual(['m-invest']);
  });

  it('does not ask for a reason when a rate goes down: only running totals must grow', async () => {
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} />);
    await typeInto('m-rate', '50');
    expect(screen.queryByText('更正原因（累计数比上次低时必填）')).toBeNull();
    send();
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('will not send an empty post', () => {
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} />);
    send();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText(/请至少填写一项指标或一段说明/)).toBeTruthy();
  });

  it('keeps what was typed in the draft it was given (restored after leaving the page)', () => {
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} initial={{ values: { 'm-invest': '6' }, text: '新项目开工' }} />);
    send();
    expect(onSubmit.mock.calls[0][0].figures).toEqual([{ metricId: 'm-invest', value: 6 }]);
  });
});
