/**
 * The emulation sits below the real SDK and nothing leaves the process: the caller's WX context reaches
 * `cloud.getWXContext()` per invocation, open APIs and storage are answered (and recorded as WeChat
 * receives them), no socket is opened, the SDK raises no unhandled rejection, and the undo puts the SDK
 * back as it was.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { TcbDBApiHttpRequester } from '@cloudbase/node-sdk/dist/utils/tcbdbapirequester';
import { emulate, type Emulated } from './setup';

let env: Emulated;
afterEach(() => env?.done());

describe('the network', () => {
  it('is never used, and the SDK leaves no unhandled rejection behind', async () => {
    const opened: string[] = [];
    const spies = [
      jest.spyOn(http, 'request').mockImplementation(() => {
        opened.push('http');
        throw new Error('no network');
      }),
      jest.spyOn(https, 'request').mockImplementation(() => {
        opened.push('https');
        throw new Error('no network');
      }),
      jest.spyOn(net, 'connect').mockImplementation(() => {
        opened.push('net');
        throw new Error('no network');
      }),
    ];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      env = emulate({ collections: ['c'] });
      const { cloud, db } = env;
      await db
        .collection('c')
        .doc('a')
        .set({ data: { n: 1 } });
      await db.runTransaction(async (t) => void (await t.collection('c').doc('a').get()));
      await cloud.openapi.security.msgSecCheck({ version: 2, scene: 2, openid: 'o', content: 'x' });
      await cloud.getTempFileURL({ fileList: ['cloud://test-env.7465/a.jpg'] });
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      process.off('unhandledRejection', onUnhandled);
      for (const s of spies) s.mockRestore();
    }
    expect(opened).toEqual([]);
    expect(unhandled).toEqual([]);
  });

  it('the undo restores the SDK’s own requester and environment', () => {
    const original = TcbDBApiHttpRequester.prototype.send;
    const before = process.env;
    env = emulate();
    expect(TcbDBApiHttpRequester.prototype.send).not.toBe(original);
    expect(process.env.TCB_ENV).toBe('test-env');
    env.done();
    expect(TcbDBApiHttpRequester.prototype.send).toBe(original);
    expect(process.env).toBe(before);
    env = emulate();
  });
});

describe('who is calling', () => {
  it('asCaller puts the OPENID where getWXContext reads it, per invocation, even interleaved', async () => {
    env = emulate();
    const { cloud, emulator } = env;
    const seen = await Promise.all(
      ['o-a', 'o-b', null, 'o-c'].map((openid) =>
        emulator.asCaller(openid, async () => {
          await new Promise((r) => setTimeout(r, 5));
          return cloud.getWXContext().OPENID ?? null;
        }),
      ),
    );
    expect(seen).toEqual(['o-a', 'o-b', null, 'o-c']);
    expect(await emulator.asCaller('o-a', async () => cloud.getWXContext())).toEqual({
      OPENID: 'o-a',
      APPID: 'wx-test-app',
      CLIENTIP: '10.0.0.8',
      ENV: 'test-env',
    });
    expect(cloud.getWXContext()).toEqual({});
  });
});

describe('WeChat’s side', () => {
  it('answers msgSecCheck and records the call in WeChat’s snake_case; an errcode rejects with that errCode', async () => {
    env = emulate();
    const { cloud, services, emulator } = env;
    const checked = await cloud.openapi.security.msgSecCheck({
      version: 2,
      scene: 2,
      openid: 'o-a',
      content: '你好',
    });
    expect(checked).toMatchObject({ errCode: 0, result: { suggest: 'pass', label: 100 } });
    expect(services.callsOf('security.msgSecCheck')).toEqual([
      { version: 2, scene: 2, openid: 'o-a', content: '你好' },
    ]);

    services.answers['subscribeMessage.send'] = () => ({
      errcode: 43101,
      errmsg: 'user refuse to accept the msg',
    });
    const refused = await cloud.openapi.subscribeMessage
      .send({
        touser: 'o-a',
        templateId: 'tpl',
        data: { thing1: { value: '该晒一晒了' } },
        miniprogramState: 'formal',
      })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Error);
    expect(refused).toMatchObject({ errCode: 43101 });
    expect(services.callsOf('subscribeMessage.send')).toEqual([
      {
        touser: 'o-a',
        template_id: 'tpl',
        data: { thing1: { value: '该晒一晒了' } },
        miniprogram_state: 'formal',
      },
    ]);
    expect(emulator.roundTrips()).toBe(2);
  });

  it('getTempFileURL answers each file, a missing one with its status', async () => {
    env = emulate();
    const { cloud, services } = env;
    services.tempFile = (id) =>
      id.endsWith('gone.jpg')
        ? { code: 'STORAGE_FILE_NONEXIST' }
        : { tempFileURL: `https://tmp.example/${id.slice(8)}` };
    const { fileList } = await cloud.getTempFileURL({
      fileList: ['cloud://test-env.7465/a.jpg', 'cloud://test-env.7465/gone.jpg'],
    });
    expect(fileList).toEqual([
      expect.objectContaining({
        fileID: 'cloud://test-env.7465/a.jpg',
        status: 0,
        tempFileURL: 'https://tmp.example/test-env.7465/a.jpg',
      }),
      expect.objectContaining({ fileID: 'cloud://test-env.7465/gone.jpg', status: -503003, tempFileURL: '' }),
    ]);
    expect(services.fileRequests).toEqual([
      ['cloud://test-env.7465/a.jpg', 'cloud://test-env.7465/gone.jpg'],
    ]);
  });
});
