/** A row of choices (a 通报's versions): the chosen one marked by a tick and weight, not colour alone. */
import { Text, View } from '@tarojs/components';

interface Props<T extends string | number> {
  label: string;
  choices: { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}

export default function Switch<T extends string | number>({ label, choices, value, onChange }: Props<T>) {
  return (
    <View className="rswitch" ariaLabel={label} ariaRole="radiogroup">
      {choices.map((c) => {
        const on = c.value === value;
        return (
          <View
            key={c.value}
            className={`rswitch__item${on ? ' rswitch__item--on' : ''}`}
            ariaRole="radio"
            onClick={() => !on && onChange(c.value)}
          >
            <Text>{on ? `✓ ${c.label}` : c.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
