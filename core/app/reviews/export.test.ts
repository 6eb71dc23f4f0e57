/**
 * The 通报 as an Excel file, opened with exceljs as an office would open it: one sheet per division, the
 * title and date on top, units ranked by growth with their figures as numbers, the 约谈 they are called
 * to, and the note and who was left out of the ranking below the table.
 */
import ExcelJS from 'exceljs';
import { reviewArena, type ReviewArena } from '../../../tests/app/reviews';

async function exported(t: ReviewArena, period: string, version?: number): Promise<ExcelJS.Workbook> {
  const file = await t.expectOk('review.export', { period, ...(version ? { version } : {}) }, t.tok.leader);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  return book;
}

/** The sheet's rows as plain values, from row `from` (1-based), empty trailing cells dropped. */
const rowsOf = (sheet: ExcelJS.Worksheet, from: number, to: number): unknown[][] => {
  const out: unknown[][] = [];
  for (let r = from; r <= to; r += 1) {
    // exceljs gives a row's values as a sparse array from index 1: blank cells are holes.
    const values = Array.from(sheet.getRow(r).values as unknown[]).slice(1);
    out.push(values.map((v) => v ?? null));
  }
  return out;
};

describe('review.export opens in Excel as the 通报 table', () => {
  let t: ReviewArena;
  beforeAll(async () => {
    t = await reviewArena();
    await t.postMonths();
    t.at('2025-10-08');
    await t.publishOk('2025-09', { note: '请甲镇对照整改' });
  });

  it('has one sheet per division, in the campaign order of their first unit', async () => {
    const book = await exported(t, '2025-09');
    // 市直部门 has no unit with a 完成投资 target: no sheet.
    expect(book.worksheets.map((s) => s.name)).toEqual(['乡镇街道', '功能平台']);
  });

  it('puts the title, the date and the header on top, and ranks the division by growth', async () => {
    const sheet = (await exported(t, '2025-09')).getWorksheet('乡镇街道')!;
    expect(sheet.getCell('A1').value).toBe('三百竞赛（测试） 2025年9月月度通报（乡镇街道）');
    expect(String(sheet.getCell('A2').value)).toContain('发布日期：2025-10-08');
    expect(String(sheet.getCell('A2').value)).toContain('赵督办');
    expect(rowsOf(sheet, 3, 6)).toEqual([
      [
        '序号',
        '单位',
        '指标',
        '本月完成',
        '月度目标',
        '上年同期',
        '同比增幅',
        '组内增幅排名',
        '月度目标完成情况',
        '约谈',
      ],
      // B: 7 of 6, +40 %; D: 5 of 4, +25 %; A: 2 of 3, 0 % — missed and last: 约谈分管领导.
      [1, '乙镇', '完成投资（亿元）', 7, 6, 5, 0.4, 1, '完成', ''],
      [2, '丁镇', '完成投资（亿元）', 5, 4, 4, 0.25, 2, '完成', ''],
      [3, '甲镇', '完成投资（亿元）', 2, 3, 2, 0, 3, '未完成', '约谈分管领导'],
    ]);
    // Numbers are numbers, shown in the measure's format; growth as a percentage.
    expect(sheet.getCell('D4').numFmt).toBe('0.00');
    expect(sheet.getCell('G4').numFmt).toBe('0.0%');
  });

  it('says below the table what the note is and who was left out of the ranking', async () => {
    const book = await exported(t, '2025-09');
    const towns = book.getWorksheet('乡镇街道')!;
    expect(towns.getCell('A7').value).toBe('按语：请甲镇对照整改');
    const platforms = book.getWorksheet('功能平台')!;
    // C has no last year's September: its row is there, unranked, and the reason is written under it.
    expect(rowsOf(platforms, 4, 4)).toEqual([
      [1, '丙平台', '完成投资（亿元）', 4, 3, null, null, null, '完成', ''],
    ]);
    const notes = [5, 6].map((r) => String(platforms.getCell(`A${r}`).value));
    expect(notes).toContain('丙平台「完成投资」：无上年同期数，不参与增幅排名');
  });

  it('exports a corrected version with what it changed, and the first version as it was', async () => {
    await t.setMonthlyTarget('A', '2025-09', 2);
    await t.publishOk('2025-09');
    const second = (await exported(t, '2025-09')).getWorksheet('乡镇街道')!;
    expect(second.getCell('A1').value).toBe(
      '三百竞赛（测试） 2025年9月月度通报（更正版 第 2 版）（乡镇街道）',
    );
    expect(second.getCell('J6').value).toBe('');
    const notes = [7, 8, 9].map((r) => String(second.getCell(`A${r}`).value ?? ''));
    expect(notes.some((n) => n.startsWith('本版更正：') && n.includes('「甲镇」不再列入约谈'))).toBe(true);
    const first = (await exported(t, '2025-09', 1)).getWorksheet('乡镇街道')!;
    expect(first.getCell('J6').value).toBe('约谈分管领导');
  });
});
