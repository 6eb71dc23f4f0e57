/** The review forms' fields: a label, the control, and the field's own problem beside it (⚠ …). */
import { Picker, Text, Textarea, View } from '@tarojs/components';
import type { ReactNode } from 'react';

function Field({
  name,
  label,
  error,
  children,
}: {
  name: string;
  label: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <View className={`rfield${error ? ' rfield--bad' : ''}`} data-testid={`field-${name}`}>
      <Text className="rfield__label">{label}</Text>
      {children}
      {error && <Text className="rfield__error">⚠ {error}</Text>}
    </View>
  );
}

interface AreaProps {
  name: string;
  label: string;
  value: string;
  max: number;
  placeholder: string;
  error?: string;
  onInput: (value: string) => void;
}

export function AreaField({ name, label, value, max, placeholder, error, onInput }: AreaProps) {
  return (
    <Field name={name} label={label} error={error}>
      <Textarea
        className="rfield__area"
        value={value}
        // WeChat's default is 140 characters: say the contract's own limit.
        maxlength={max}
        autoHeight
        placeholder={placeholder}
        onInput={(e) => onInput(e.detail.value)}
        ariaLabel={label}
        name={name}
      />
      <Text className="rfield__count">
        {value.length} / {max}
      </Text>
    </Field>
  );
}

interface DateProps {
  name: string;
  label: string;
  value: string;
  start: string;
  end: string;
  text: (day: string) => string;
  onChange: (value: string) => void;
}

export function DateField({ name, label, value, start, end, text, onChange }: DateProps) {
  return (
    <Field name={name} label={label}>
      <Picker
        mode="date"
        value={value}
        start={start}
        end={end}
        onChange={(e) => onChange(String(e.detail.value))}
      >
        <View className="rfield__pick" ariaRole="button" ariaLabel={label} data-testid={`pick-${name}`}>
          <Text>{text(value)}</Text>
          <Text>›</Text>
        </View>
      </Picker>
    </Field>
  );
}
