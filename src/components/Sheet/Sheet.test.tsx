import { fireEvent, render, screen } from '@testing-library/react';
import Sheet from '.';

function renderSheet(over: Partial<Parameters<typeof Sheet>[0]> = {}) {
  const onSubmit = jest.fn();
  const onCancel = jest.fn();
  render(
    <Sheet
      title="写进展"
      error={null}
      submitText="提交"
      sending={false}
      onSubmit={onSubmit}
      onCancel={onCancel}
      {...over}
    >
      <span>字段</span>
    </Sheet>,
  );
  return { onSubmit, onCancel };
}

const buttons = () => [...screen.getByTestId('sheet').querySelectorAll('.sheet__btn')];

describe('the half-screen form', () => {
  it('shows its title, the fields, 取消 and the submit button, and says no error when none', () => {
    const { onSubmit, onCancel } = renderSheet({ sub: '任务：修路' });
    expect(screen.getByText('写进展')).toBeTruthy();
    expect(screen.getByText('任务：修路')).toBeTruthy();
    expect(screen.getByText('字段')).toBeTruthy();
    expect(screen.queryByTestId('sheet-error')).toBeNull();
    expect(buttons().map((b) => b.textContent)).toEqual(['取消', '提交']);
    fireEvent.click(screen.getByTestId('sheet-submit'));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByText('取消'));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('says what went wrong at the top', () => {
    renderSheet({ error: '该难题已被他人销号' });
    expect(screen.getByTestId('sheet-error').textContent).toBe('⚠ 该难题已被他人销号');
  });

  it('closes on a tap beside the panel, its buttons enabled', () => {
    const idle = renderSheet();
    fireEvent.click(screen.getByTestId('sheet').querySelector('.sheet__mask')!);
    expect(idle.onCancel).toHaveBeenCalledTimes(1);
    expect(buttons().some((b) => b.hasAttribute('disabled'))).toBe(false);
  });

  it('while sending, keeps the page behind it and says 提交中…', () => {
    const busy = renderSheet({ sending: true });
    fireEvent.click(screen.getByTestId('sheet').querySelector('.sheet__mask')!);
    expect(busy.onCancel).not.toHaveBeenCalled();
    expect(screen.getByTestId('sheet-submit').textContent).toBe('提交中…');
    expect(buttons().every((b) => b.hasAttribute('disabled'))).toBe(true);
  });
});
