/**
 * The fields of one join / sign-in mode with their Chinese errors beside them, and one send button.
 * Errors show after the first attempt; nothing is sent until every field passes.
 */
import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { checkJoin, emptyFields, fieldsOf, type JoinField, type JoinFields, type JoinMode } from './check';

const labels: Record<JoinField, { label: string; placeholder: string }> = {
  inviteCode: { label: '邀请码', placeholder: '8 位字母或数字，由管理员提供' },
  name: { label: '姓名', placeholder: '真实姓名，将显示在发布的进展上' },
  account: { label: '账号', placeholder: '字母、数字或 _ . @ -' },
  password: { label: '密码', placeholder: '至少 8 位' },
};

const actionText: Record<JoinMode, string> = { login: '登录', join: '加入并登录', bind: '加入' };

interface Props {
  mode: JoinMode;
  sending: boolean;
  onSubmit: (data: Partial<JoinFields>) => void;
}

export default function JoinForm({ mode, sending, onSubmit }: Props) {
  const [fields, setFields] = useState<JoinFields>(emptyFields);
  const [attempted, setAttempted] = useState(false);
  const checked = checkJoin(mode, fields);
  const errors = attempted && !checked.ok ? checked.errors : {};

  const submit = () => {
    setAttempted(true);
    if (checked.ok && !sending) onSubmit(checked.data);
  };

  return (
    <View className="join__form">
      {fieldsOf[mode].map((f) => (
        <View
          key={f}
          className={`join__field${errors[f] ? ' join__field--bad' : ''}`}
          data-testid={`join-${f}`}
        >
          <Text className="join__label">{labels[f].label}</Text>
          <Input
            className="join__input"
            type="text"
            password={f === 'password'}
            value={fields[f]}
            placeholder={labels[f].placeholder}
            maxlength={f === 'password' ? 128 : 32}
            onInput={(e) => setFields((prev) => ({ ...prev, [f]: e.detail.value }))}
            ariaLabel={labels[f].label}
            name={f}
          />
          {errors[f] && <Text className="join__error">⚠ {errors[f]}</Text>}
        </View>
      ))}
      <Button className="primary-btn join__submit" onClick={submit}>
        {sending ? '请稍候…' : actionText[mode]}
      </Button>
    </View>
  );
}
