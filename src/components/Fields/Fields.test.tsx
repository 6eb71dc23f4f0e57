import { fireEvent, render, screen } from '@testing-library/react';
import { AreaField, ChoiceField, DateField, FixedField } from '.';

const text = (day: string) => `说成 ${day}`;

describe('form fields', () => {
  it('a text area counts its characters against the limit, and is marked with its own problem', () => {
    const onInput = jest.fn();
    const { rerender } = render(
      <AreaField name="note" label="解决情况" value="已协调" max={500} placeholder="" onInput={onInput} />,
    );
    const field = screen.getByTestId('field-note');
    expect(field.className).toBe('field');
    expect(field.textContent).toContain('3 / 500');
    expect(field.querySelector('.field__error')).toBeNull();
    rerender(
      <AreaField
        name="note"
        label="解决情况"
        value=""
        max={500}
        placeholder=""
        error="请填写解决情况"
        onInput={onInput}
      />,
    );
    expect(field.className).toContain('field--bad');
    expect(field.querySelector('.field__error')?.textContent).toBe('⚠ 请填写解决情况');
  });

  it('a date not yet chosen says so, greyed; a chosen one is said in words', () => {
    const { rerender } = render(
      <DateField
        name="dueDate"
        label="办结时限"
        value=""
        start="2025-02-10"
        text={text}
        onChange={jest.fn()}
      />,
    );
    const pick = screen.getByTestId('pick-dueDate');
    expect(pick.textContent).toBe('请选择日期›');
    expect(pick.querySelector('.field__pick-empty')).toBeTruthy();
    rerender(
      <DateField
        name="dueDate"
        label="办结时限"
        value="2025-03-01"
        start="2025-02-10"
        end="2025-03-31"
        text={text}
        error="不能早于今天"
        onChange={jest.fn()}
      />,
    );
    expect(pick.textContent).toBe('说成 2025-03-01›');
    expect(pick.querySelector('.field__pick-empty')).toBeNull();
    expect(screen.getByTestId('field-dueDate').className).toContain('field--bad');
  });

  it('a choice is made by a tap on its chip; a fixed value is only shown', () => {
    const onChange = jest.fn();
    render(
      <>
        <ChoiceField
          name="category"
          label="难题类别"
          choices={[
            { value: 'land', label: '用地' },
            { value: 'funding', label: '资金' },
          ]}
          value="land"
          onChange={onChange}
        />
        <FixedField name="unitId" label="责任单位" text="城东街道" />
      </>,
    );
    expect(screen.getByText('✓ 用地')).toBeTruthy();
    fireEvent.click(screen.getByText('资金'));
    expect(onChange).toHaveBeenCalledWith('funding');
    expect(screen.getByTestId('field-unitId').textContent).toBe('责任单位城东街道');
  });
});
