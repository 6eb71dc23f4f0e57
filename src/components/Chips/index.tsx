/** A row of choices (division, track): the chosen one is marked by a tick and weight, not colour alone. */
import { Text, View } from '@tarojs/components';
import './index.scss';

export interface Choice {
  value: string;
  label: string;
}

interface Props {
  label: string;
  choices: Choice[];
  value: string;
  onChange: (value: string) => void;
}

export default function Chips({ label, choices, value, onChange }: Props) {
  return (
    <View className="chips" ariaLabel={label}>
      <Text className="chips__label">{label}</Text>
      <View className="chips__list">
        {choices.map((c) => {
          const on = c.value === value;
          return (
            <View
              key={c.value}
              className={`chips__item${on ? ' chips__item--on' : ''}`}
              ariaRole="radio"
              onClick={() => onChange(c.value)}
            >
              <Text>{on ? `✓ ${c.label}` : c.label}</Text>
            </View>
          );
        })}
      </View>
    </View>
  );
}
