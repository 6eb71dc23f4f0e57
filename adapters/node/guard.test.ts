// The local guard refuses the hard list, flags the soft list, and is not fooled by spacing or width.
import { createLocalGuard, defaultReviewWords } from './guard';

const who = { userId: 'u1' };

describe('the local content guard', () => {
  const guard = createLocalGuard();

  it('passes ordinary progress text', async () => {
    expect(await guard.check('方岩镇 3 个项目全面开工，完成投资 1.2 亿元。', who)).toEqual({ verdict: 'pass' });
  });

  it('calls text with a hard-list word risky, naming the word', async () => {
    expect(await guard.check('本店可代开发票，欢迎联系', who)).toEqual({ verdict: 'risky', label: '代开发票' });
  });

  it('sends text with a soft-list word to review', async () => {
    expect(await guard.check('开展打击赌博专项行动', who)).toEqual({ verdict: 'review', label: '赌博' });
  });

  it('sees through spaces, punctuation, full-width letters and case', async () => {
    expect((await guard.check('代 开·发-票', who)).verdict).toBe('risky');
    const custom = createLocalGuard({ risky: ['spam'], review: [] });
    expect((await custom.check('ＳＰＡＭ here', who)).verdict).toBe('risky');
    expect((await custom.check('S p a m!', who)).verdict).toBe('risky');
  });

  it('uses the lists it is given instead of the built-in ones', async () => {
    const custom = createLocalGuard({ risky: ['违禁词'], review: [...defaultReviewWords, '内部消息'] });
    expect((await custom.check('这是违禁词', who)).verdict).toBe('risky');
    expect((await custom.check('据内部消息', who)).verdict).toBe('review');
    expect((await custom.check('本店可代开发票', who)).verdict).toBe('pass');
    // A list entry that is only punctuation matches nothing (instead of everything).
    expect((await createLocalGuard({ risky: ['！！'] }).check('好消息！！', who)).verdict).toBe('pass');
  });
});
