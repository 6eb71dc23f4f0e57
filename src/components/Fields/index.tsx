/**
 * The fields of the task and review forms: a label, the control, and the field's own problem beside it
 * (⚠ …), the field marked. Long lists are chosen from, dates picked, never typed.
 */
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import Chips, { type Choice } from '../Chips';
import './index.scss';

interface Frame {
  name: string;
  label: string;
  error?: string;
  children: ReactNode;
}

function Field({ name, label, error, children }: Frame) {
  return (
    <View className={`field${error ? ' field--bad' : ''}`} data-testid={`field-${name}`}>
      <Text className="field__label">{label}</Text>
      {children}
      {error && <Text className="field__error">⚠ {error}</Text>}
    </View>
  );
}

interface TextProps {
  name: string;
  label: string;
  value: string;
  max: number;
  placeholder: string;
  error?: string;
  onInput: (value: string) => void;
}

export function TextField({ name, label, value, max, placeholder, error, onInput }: TextProps) {
  return (
    <Field name={name} label={label} error={error}>
      <Input
        className="field__input"
        type="text"
        value={value}
        maxlength={max}
        placeholder={placeholder}
        onInput={(e) => onInput(e.detail.value)}
        ariaLabel={label}
        name={name}
      />
    </Field>
  );
}

export function AreaField({ name, label, value, max, placeholder, error, onInput }: TextProps) {
  return (
    <Field name={name} label={label} error={error}>
      <Textarea
        className="field__area"
        value={value}
        // WeChat's default is 140 characters: say the contract's own limit.
        maxlength={max}
        autoHeight
        placeholder={placeholder}
        onInput={(e) => onInput(e.detail.value)}
        ariaLabel={label}
        name={name}
      />
      <Text className="field__count">
        {value.length} / {max}
      </Text>
    </Field>
  );
}

interface ChoiceProps {
  name: string;
  label: string;
  choices: Choice[];
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

export function ChoiceField({ name, label, choices, value, error, onChange }: ChoiceProps) {
  return (
    <Field name={name} label={label} error={error}>
      <Chips label={label} choices={choices} value={value} onChange={onChange} />
    </Field>
  );
}

interface DateProps {
  name: string;
  label: string;
  /** The chosen day; '' while none is (the picker then opens on `start`). */
  value: string;
  /** The earliest day offered. */
  start: string;
  /** The latest day offered; any when left out. */
  end?: string;
  /** How the chosen day is said. */
  text: (day: string) => string;
  error?: string;
  onChange: (value: string) => void;
}

export function DateField({ name, label, value, start, end, text, error, onChange }: DateProps) {
  return (
    <Field name={name} label={label} error={error}>
      <Picker
        mode="date"
        value={value || start}
        start={start}
        {...(end ? { end } : {})}
        onChange={(e) => onChange(String(e.detail.value))}
      >
        <View className="field__pick" ariaRole="button" ariaLabel={label} data-testid={`pick-${name}`}>
          <Text className={value ? '' : 'field__pick-empty'}>{value ? text(value) : '请选择日期'}</Text>
          <Text>›</Text>
        </View>
      </Picker>
    </Field>
  );
}

/** A value the user cannot change here, shown where the field would be. */
export function FixedField({ name, label, text }: { name: string; label: string; text: string }) {
  return (
    <Field name={name} label={label}>
      <Text className="field__fixed">{text}</Text>
    </Field>
  );
}
