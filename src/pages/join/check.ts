/**
 * The join / sign-in form's checks, with the contract's own schemas so the phone says in Chinese what
 * the server would refuse, before anything is sent.
 */
import { z } from 'zod';
import { Account, InviteCode, Password, PersonName } from '../../../core/contract';

/** login: account + password (H5); join: invite code into a new account (H5); bind: invite code to this WeChat user. */
export type JoinMode = 'login' | 'join' | 'bind';
export type JoinField = 'inviteCode' | 'name' | 'account' | 'password';
export type JoinFields = Record<JoinField, string>;

export const fieldsOf: Record<JoinMode, JoinField[]> = {
  login: ['account', 'password'],
  join: ['inviteCode', 'name', 'account', 'password'],
  bind: ['inviteCode', 'name'],
};

const schemas: Record<JoinField, z.ZodType<string>> = {
  inviteCode: InviteCode,
  name: PersonName,
  account: Account,
  password: Password,
};

export const emptyFields = (): JoinFields => ({ inviteCode: '', name: '', account: '', password: '' });

export type JoinChecked =
  { ok: true; data: Partial<JoinFields> } | { ok: false; errors: Partial<Record<JoinField, string>> };

/** Checks the mode's fields only; the data is what the schemas made of them (trimmed, code upper-cased). */
export function checkJoin(mode: JoinMode, fields: JoinFields): JoinChecked {
  const data: Partial<JoinFields> = {};
  const errors: Partial<Record<JoinField, string>> = {};
  for (const f of fieldsOf[mode]) {
    const r = schemas[f].safeParse(fields[f]);
    if (r.success) data[f] = r.data;
    else errors[f] = r.error.issues[0]?.message ?? '填写的内容有误';
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data };
}
