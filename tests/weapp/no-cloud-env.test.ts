/**
 * A build without TARO_APP_CLOUD_ENV (.env's empty default) still launches, calls no cloud, and says on
 * the screen, in Chinese, that the cloud environment is not set. The bundle is dist/weapp with the id
 * Taro substituted put back to that empty default: the very text an unset build carries.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD, type Backend } from './backend';
import { textOf } from './data-tree';
import { PHONE_OPENID } from './demo';
import { scriptsOf, testBuild } from './dist';
import { bootPhone, type Phone } from './phone';

let dist: string;
let phone: Phone;
const backendCalls: string[] = [];
const backend: Backend = async (name) => {
  backendCalls.push(name);
  throw new Error('no cloud call is expected');
};

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'weapp-no-env-'));
  cpSync(testBuild(), dist, { recursive: true });
  const id = JSON.stringify(BUILD.TARO_APP_CLOUD_ENV);
  let replaced = 0;
  for (const file of scriptsOf(dist)) {
    const code = readFileSync(file, 'utf8');
    if (!code.includes(id)) continue;
    replaced += code.split(id).length - 1;
    writeFileSync(file, code.split(id).join('""'));
  }
  expect(replaced).toBe(1);
  phone = bootPhone({ dist, backend, openid: PHONE_OPENID });
});

afterAll(() => {
  phone?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

it('launches, skips wx.cloud.init and every cloud call, and says the cloud environment is not set', async () => {
  const feed = await phone.launch();
  await phone.waitFor('the explanation', () => feed.text().includes('没能加载'));
  const state = feed.find({ className: 'state--error' });
  expect(textOf(state)).toContain('小程序还没有设置云开发环境');
  expect(textOf(state)).toContain('TARO_APP_CLOUD_ENV');
  // 重试 asks again and says the same, without a call the cloud would refuse.
  feed.tap({ tag: 'button', text: '重试' });
  await phone.settle();
  expect(textOf(feed.find({ className: 'state--error' }))).toContain('小程序还没有设置云开发环境');
  expect(phone.wx.callsTo('cloud.init')).toEqual([]);
  expect(phone.wx.callsTo('cloud.callFunction')).toEqual([]);
  expect(backendCalls).toEqual([]);
  expect(phone.errors).toEqual([]);
  expect(phone.logs.filter((l) => l.level === 'warn').map((l) => String(l.args[0]))).toEqual([
    expect.stringContaining('TARO_APP_CLOUD_ENV is not set'),
  ]);
});
