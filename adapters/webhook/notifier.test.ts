// The robot gets the reminder as a text message; every way a robot can fail is 'failed', within the timeout.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OutboundMessage } from '../../core/app/ports';
import { createWebhookNotifier } from './notifier';

type Reply = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let server: Server;
let base: string;
let reply: Reply;
const received: Array<{ method?: string; type?: string; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ method: req.method, type: req.headers['content-type'], body });
      reply(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received.length = 0;
});

const json = (status: number, value: unknown): Reply => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
};

const message: OutboundMessage = {
  user: { id: 'rep-a', name: '王芳', role: 'reporter', cityId: 'city', unitId: 'A' },
  notification: {
    id: 'n1',
    userId: 'rep-a',
    cityId: 'city',
    campaignId: 'c1',
    kind: 'no_post',
    title: '该晒进度了',
    body: '「甲镇」已经 8 天没有晒进度了。',
    subjectId: 'A',
    dedupeKey: 'rep-a|no_post|A|2025-10-10',
    createdAt: 0,
    readAt: null,
    channels: {},
  },
};

describe('the group-robot webhook', () => {
  it('posts a text message naming the reminder and its user, and reports sent on errcode 0', async () => {
    reply = json(200, { errcode: 0, errmsg: 'ok' });
    const notifier = createWebhookNotifier({ url: `${base}/cgi-bin/webhook/send?key=k1` });
    expect(notifier.channel).toBe('webhook');
    expect(await notifier.send(message)).toBe('sent');
    expect(received).toHaveLength(1);
    expect(received[0]?.method).toBe('POST');
    expect(received[0]?.type).toContain('application/json');
    const sent = JSON.parse(received[0]!.body) as { msgtype: string; text: { content: string } };
    expect(sent.msgtype).toBe('text');
    expect(sent.text.content).toContain('该晒进度了');
    expect(sent.text.content).toContain('「甲镇」已经 8 天没有晒进度了。');
    expect(sent.text.content).toContain('王芳');
  });

  it('reports failed when the robot refuses the message (errcode ≠ 0)', async () => {
    reply = json(200, { errcode: 93000, errmsg: 'invalid webhook url' });
    expect(await createWebhookNotifier({ url: base }).send(message)).toBe('failed');
  });

  it('reports failed on a server error, and on an answer that is not JSON', async () => {
    reply = json(500, { errcode: 0 });
    expect(await createWebhookNotifier({ url: base }).send(message)).toBe('failed');
    reply = (_req, res) => res.end('<html>gateway</html>');
    expect(await createWebhookNotifier({ url: base }).send(message)).toBe('failed');
  });

  it('gives up after the timeout when the robot never answers', async () => {
    reply = () => undefined;
    const started = performance.now();
    expect(await createWebhookNotifier({ url: base, timeoutMs: 200 }).send(message)).toBe('failed');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('reports failed when nothing listens at the address', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    expect(await createWebhookNotifier({ url: `http://127.0.0.1:${port}/` }).send(message)).toBe('failed');
  });

  it('records its outcomes under the channel name it is given', () => {
    expect(createWebhookNotifier({ url: base, channel: 'dingtalk' }).channel).toBe('dingtalk');
  });
});
