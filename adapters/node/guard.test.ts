// The local guard refuses the hard list, flags the soft list, and is not fooled by spacing, width,
// invisible characters or traditional forms.
import { createLocalGuard, defaultReviewWords, foldText } from './guard';

const who = { userId: 'u1' };

describe('the local content guard', () => {
  const guard = createLocalGuard();

  it('passes ordinary progress text', async () => {
    expect(await guard.check('方岩镇 3 个项目全面开工，完成投资 1.2 亿元。', who)).toEqual({
      verdict: 'pass',
    });
  });

  it('calls text with a hard-list word risky, naming the word', async () => {
    expect(await guard.check('本店可代开发票，欢迎联系', who)).toEqual({
      verdict: 'risky',
      label: '代开发票',
    });
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

  it('sees through invisible characters slipped inside a word', async () => {
    for (const text of [
      '本店可代\u200b开发票', // zero-width space
      '代\u00ad开\u2060发\u200d票', // soft hyphen, word joiner, zero-width joiner
      '代\ufeff开\u200c发\u200e票', // BOM, zero-width non-joiner, left-to-right mark
      '代\ufe0f开\u180e发\u3164票', // a variation selector, a Mongolian separator, a Hangul filler
    ]) {
      expect({ text, ...(await guard.check(text, who)) }).toEqual({
        text,
        verdict: 'risky',
        label: '代开发票',
      });
    }
  });

  it('sees through traditional characters, Hong Kong and Taiwan forms alike', async () => {
    expect(await guard.check('本店可代開發票', who)).toEqual({ verdict: 'risky', label: '代开发票' });
    expect(await guard.check('網絡賭場開業', who)).toEqual({ verdict: 'risky', label: '网络赌场' });
    expect(await guard.check('開展打擊賭博專項行動', who)).toEqual({ verdict: 'review', label: '赌博' });
    // 衞 is the Hong Kong form, 著 the Taiwan one: plain traditional → simplified leaves both as they are.
    const custom = createLocalGuard({ risky: ['只收现金', '看着办'], review: ['卫生费'] });
    expect((await custom.check('衹收現金', who)).verdict).toBe('risky');
    expect((await custom.check('你看著辦', who)).verdict).toBe('risky');
    expect((await custom.check('收取衞生費', who)).verdict).toBe('review');
    expect((await custom.check('收取衛生費', who)).verdict).toBe('review');
  });

  it('sees through full-width and mixed disguises at once', async () => {
    expect((await guard.check('代　開・发／票', who)).verdict).toBe('risky'); // ideographic space, full-width slash
    expect((await guard.check('ＱＱ：代開\u200b发票', who)).verdict).toBe('risky');
    expect((await guard.check('出\u00ad售　槍\u200b支', who)).verdict).toBe('risky');
    const custom = createLocalGuard({ risky: ['spam'], review: [] });
    expect((await custom.check('Ｓ\u200bＰ\u00adａ\u2060ｍ', who)).verdict).toBe('risky');
  });

  it('passes ordinary posts written in traditional characters', async () => {
    for (const text of [
      '本週完成綫上培訓 3 場，羣眾滿意度 98%。',
      '乾隆年間的古建築修繕完成，開具發票 12 張、代辦手續 5 件。',
      '衞生院擴建工程全面開工，完成投資 1.2 億元。',
    ]) {
      expect({ text, ...(await guard.check(text, who)) }).toEqual({ text, verdict: 'pass' });
    }
  });

  it('folds the word lists the same way, so a list written in traditional characters works', async () => {
    const custom = createLocalGuard({ risky: ['代開發票'], review: ['網路博弈'] });
    // The label is the word as the list gives it.
    expect(await custom.check('本店可代开发票', who)).toEqual({ verdict: 'risky', label: '代開發票' });
    expect(await custom.check('本店可代開\u200b發票', who)).toEqual({ verdict: 'risky', label: '代開發票' });
    expect(await custom.check('警惕网路博弈', who)).toEqual({ verdict: 'review', label: '網路博弈' });
    // A list entry made only of invisible characters matches nothing (instead of everything).
    expect((await createLocalGuard({ risky: ['\u200b\u00ad'] }).check('好消息', who)).verdict).toBe('pass');
  });

  it('folds text to one simplified, visible, lower-case form', () => {
    expect(foldText('代\u200B開\u00AD發\u2060票')).toBe('代开发票');
    expect(foldText('衞生 · 衛生 · 卫生')).toBe('卫生卫生卫生');
    expect(foldText('ＡＢＣ１２３')).toBe('abc123');
    expect(foldText('方岩镇3个项目全面开工')).toBe('方岩镇3个项目全面开工');
  });
});
