import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { arena } from '../../testing/fixtures';
import { emptyDraft, type Draft } from './draft';
import PostEditor from './PostEditor';
import type { Checked, EditorMetric } from './validate';

const rows: EditorMetric[] = arena.metricsOf('u1').map((metric) => ({
  metric,
  current: metric.id === 'm-invest' ? 4 : null,
  target: arena.target('u1', metric.id) ?? 0,
}));

function Harness({ onSubmit, initial }: { onSubmit: (c: Checked) => void; initial?: Partial<Draft> }) {
  const [draft, setDraft] = useState<Draft>({ ...emptyDraft(), ...initial });
  return (
    <PostEditor
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

  it('refuses a value above 10 亿 or below 0, in Chinese, beside the field', async () => {
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} />);
    await typeInto('m-count', '2000000000');
    expect(screen.getByText('⚠ 数值不能超过 10 亿')).toBeTruthy();
    await typeInto('m-rate', '-3');
    expect(screen.getByText('⚠ 数值不能小于 0')).toBeTruthy();
    send();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText(/还有 2 处需要修改/)).toBeTruthy();
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
