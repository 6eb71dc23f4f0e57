/**
 * Subscription credits on the cloud database, through the real SDK: a user document written before
 * credits were kept per template holds one number; it reads as credits of any template ('*'), is spent
 * and added to like any credits, and the next change writes it back as a map — no consent is lost and no
 * migration run is needed.
 */
import { emulate, type Emulated } from '../../tests/cloudbase/setup';
import { collections } from './collections';
import { createCloudStore } from './store';

let env: Emulated;
afterEach(() => env.done());

async function withLegacyUser(credits: number) {
  env = emulate({ collections: Object.values(collections), env: `credits-${credits}` });
  const store = createCloudStore({ db: env.db });
  await store.people.putUser({ id: 'u-old', name: '王芳', role: 'reporter', cityId: 'city', unitId: 'A', openid: 'o-old' });
  // What the adapter wrote before: `record.subscribeCredits` a single count.
  await env.db.collection(collections.users).doc('u-old').update({ data: { record: { subscribeCredits: credits } } });
  return store;
}

describe('cloudbase credits kept from before templates were told apart', () => {
  it('a single count reads as credits of any template, everywhere a user is read', async () => {
    const store = await withLegacyUser(3);
    expect((await store.people.getUser('u-old'))?.subscribeCredits).toEqual({ '*': 3 });
    expect((await store.people.getUserByOpenid('o-old'))?.subscribeCredits).toEqual({ '*': 3 });
    expect((await store.people.listUsers()).find((u) => u.id === 'u-old')?.subscribeCredits).toEqual({ '*': 3 });
  });

  it('the next change writes a map: the old count is kept beside the new template', async () => {
    const store = await withLegacyUser(3);
    expect(await store.notifications.addSubscribeCredits('u-old', { 'tpl-no-post': 1, '*': -1 })).toEqual({ '*': 2, 'tpl-no-post': 1 });
    const [doc] = env.server.dump(collections.users).filter((d) => d._id === 'u-old');
    expect((doc?.record as { subscribeCredits?: unknown }).subscribeCredits).toEqual({ '*': 2, 'tpl-no-post': 1 });
    expect((await store.people.getUser('u-old'))?.openid).toBe('o-old');
    expect(await store.people.getUserByOpenid('o-old')).toMatchObject({ id: 'u-old', subscribeCredits: { '*': 2, 'tpl-no-post': 1 } });
  });

  it('a count of 0 reads as none at all', async () => {
    const store = await withLegacyUser(0);
    const user = await store.people.getUser('u-old');
    expect(user && 'subscribeCredits' in user).toBe(false);
    expect(await store.notifications.addSubscribeCredits('u-old', { '*': -1 })).toEqual({});
  });
});
