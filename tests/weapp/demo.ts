/**
 * The demo arena in the emulated cloud, set up the way an operator does it (README steps 5, 10, 11):
 * arena-cron's `setup` and `seedDemo` tasks, an admin bound with the console's invite, and the phone's
 * user bound with an invite that admin made for a demo unit — so the pages open signed in.
 */
import { demoUnits } from '../../core/app/demo';
import { TASK_KEY, type Backend } from './backend';

export const PHONE_OPENID = 'o-weapp-phone';
const ADMIN_OPENID = 'o-weapp-admin';
export const PHONE_USER = { name: '林晓', unit: demoUnits.dongcheng };

type Envelope = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

function data<T>(what: string, answer: unknown): T {
  const env = answer as Envelope;
  if (!env || env.ok !== true) throw new Error(`${what} failed: ${JSON.stringify(answer)}`);
  return env.data as T;
}

export async function seedDemoAndBind(backend: Backend): Promise<void> {
  const task = (task: string, more: object = {}) =>
    backend('arena-cron', { task, key: TASK_KEY, ...more }, null);
  data('setup', await task('setup'));
  data('seedDemo', await task('seedDemo'));
  const first = data<{ code: string }>('invite', await task('invite', { validHours: 1 }));
  const arena = (action: string, payload: object, openid: string) =>
    backend('arena', { action, data: payload }, openid);
  data('admin me.bind', await arena('me.bind', { inviteCode: first.code, name: '冯晓丽' }, ADMIN_OPENID));
  const made = data<{ invite: { code: string } }>(
    'admin.invite',
    await arena(
      'admin.invite',
      { role: 'reporter', unitId: PHONE_USER.unit.id, validHours: 1 },
      ADMIN_OPENID,
    ),
  );
  data(
    'me.bind',
    await arena('me.bind', { inviteCode: made.invite.code, name: PHONE_USER.name }, PHONE_OPENID),
  );
}
