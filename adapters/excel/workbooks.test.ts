// The 通报 as Excel opens it: the file is read back with exceljs and its cells, merges, formats, widths,
// frozen header and page setup checked — what an office pastes into its report and prints.
import ExcelJS from 'exceljs';
import type { SheetSpec } from '../../core/app/ports';
import { createExcelWorkbooks, textWidth } from '.';

const workbooks = createExcelWorkbooks();

const read = async (sheets: SheetSpec[]): Promise<ExcelJS.Workbook> => {
  const bytes = await workbooks.xlsx(sheets);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
};

const merges = (ws: ExcelJS.Worksheet): string[] => (ws.model as { merges: string[] }).merges;

const towns: SheetSpec = {
  name: '乡镇街道',
  title: '三百竞赛 2025年10月月度通报（乡镇街道）',
  subtitle: '发布日期：2025-11-03　发布人：赵督办',
  header: ['序号', '单位', '指标', '本月完成', '月度目标', '同比增幅', '组内增幅排名', '约谈'],
  rows: [
    [1, '甲镇', '完成投资（亿元）', 12.3456, 10, 0.1234, 1, ''],
    [2, '乙镇', '完成投资（亿元）', 8, 20, -0.05, 2, '一级约谈'],
    [3, '丁镇农业农村综合服务中心（筹）', '签约项目（个）', 3, null, null, null, '—'],
  ],
  widths: [6, 16, 18, 12, 12, 12, 12, 12],
  formats: [null, null, null, '0.00', '0.00', '0.0%', null, null],
  notes: ['按语：各单位务必按月报送。', '丁镇「签约项目」：上年同期无数据，不参与排名'],
};

const platforms: SheetSpec = {
  name: '功能平台',
  title: '三百竞赛 2025年10月月度通报（功能平台）',
  subtitle: '发布日期：2025-11-03',
  header: ['序号', '单位', '本月完成'],
  rows: [[1, '丙平台', 4.5]],
  formats: [null, null, '0.00'],
};

describe('the 通报 workbook', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await read([towns, platforms]);
  });

  it('has one tab per sheet, in order, under the names given', () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['乡镇街道', '功能平台']);
  });

  it('heads the table with the title and the subtitle, each merged across every column', () => {
    const ws = wb.getWorksheet('乡镇街道')!;
    expect(merges(ws)).toEqual(expect.arrayContaining(['A1:H1', 'A2:H2']));
    expect(ws.getCell('A1').value).toBe(towns.title);
    expect(ws.getCell('H1').master.address).toBe('A1');
    expect(ws.getCell('A1').font).toMatchObject({ name: '黑体', bold: true });
    expect(ws.getCell('A1').font.size).toBeGreaterThan(ws.getCell('A4').font.size!);
    expect(ws.getCell('A1').alignment.horizontal).toBe('center');
    expect(ws.getCell('A2').value).toBe(towns.subtitle);
    expect(ws.getCell('A2').alignment.horizontal).toBe('right');
    expect(merges(wb.getWorksheet('功能平台')!)).toEqual(expect.arrayContaining(['A1:C1', 'A2:C2']));
  });

  it('writes the header in row 3: bold, framed, filled and wrapped', () => {
    const ws = wb.getWorksheet('乡镇街道')!;
    const header = ws.getRow(3);
    expect(towns.header.map((_, c) => header.getCell(c + 1).value)).toEqual(towns.header);
    const cell = ws.getCell('G3');
    expect(cell.font.bold).toBe(true);
    expect(cell.border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
    expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(cell.alignment.wrapText).toBe(true);
  });

  it('keeps figures as numbers with their column’s format, and blanks empty', () => {
    const ws = wb.getWorksheet('乡镇街道')!;
    expect(ws.getCell('D4').value).toBe(12.3456);
    expect(ws.getCell('D4').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell('D4').numFmt).toBe('0.00');
    expect(ws.getCell('F5').value).toBe(-0.05);
    expect(ws.getCell('F5').numFmt).toBe('0.0%');
    expect(ws.getCell('A6').value).toBe(3);
    expect(ws.getCell('E6').value).toBeNull();
    expect(ws.getCell('E6').border).toMatchObject({ left: { style: 'thin' } });
    expect(ws.getCell('H5').value).toBe('一级约谈');
  });

  it('centres a short text and wraps one longer than its column', () => {
    const ws = wb.getWorksheet('乡镇街道')!;
    expect(ws.getCell('B4').alignment.horizontal).toBe('center');
    expect(ws.getCell('B6').alignment).toMatchObject({ horizontal: 'left', wrapText: true });
    // The wrapped unit's name has room for its lines (Excel sizes no row it was given a height for).
    expect(ws.getRow(6).height).toBeGreaterThan(ws.getRow(4).height ?? 15);
  });

  it('puts the notes below the table, one a row, merged across', () => {
    const ws = wb.getWorksheet('乡镇街道')!;
    expect([ws.getCell('A7').value, ws.getCell('A8').value]).toEqual(towns.notes);
    expect(merges(ws)).toEqual(expect.arrayContaining(['A7:H7', 'A8:H8']));
    expect(ws.getCell('A7').alignment.wrapText).toBe(true);
    expect(ws.getCell('A9').value).toBeNull();
  });

  it('sets the widths given, and wide enough ones when none are', () => {
    const ws = wb.getWorksheet('乡镇街道')!;
    expect(towns.widths!.map((_, c) => ws.getColumn(c + 1).width)).toEqual(towns.widths);
    const other = wb.getWorksheet('功能平台')!;
    expect(other.getColumn(2).width).toBeGreaterThanOrEqual(textWidth('丙平台'));
    expect(other.getColumn(3).width).toBeGreaterThanOrEqual(textWidth('本月完成'));
  });

  it('freezes the title and header above row 4', () => {
    for (const ws of wb.worksheets)
      expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 0, ySplit: 3, topLeftCell: 'A4' });
  });

  it('prints on A4 fitted to the width, landscape above six columns, repeating rows 1–3', () => {
    const wide = wb.getWorksheet('乡镇街道')!.pageSetup;
    expect(wide).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:3',
    });
    expect(wb.getWorksheet('功能平台')!.pageSetup).toMatchObject({
      orientation: 'portrait',
      printTitlesRow: '1:3',
    });
  });
});

describe('the workbook’s edges', () => {
  it('a sheet with no rows still has its title and header, and its notes right below', async () => {
    const wb = await read([{ ...platforms, rows: [], notes: ['本月无单位报送'] }]);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe(platforms.title);
    expect([1, 2, 3].map((c) => ws.getRow(3).getCell(c).value)).toEqual(platforms.header);
    expect(ws.getCell('A4').value).toBe('本月无单位报送');
    expect(ws.rowCount).toBe(4);
  });

  it('a quote in a tab’s name becomes a typographic one (exceljs would write a damaged print range)', async () => {
    const wb = await read([{ ...platforms, name: "O'Neil 组" }]);
    expect(wb.worksheets[0]!.name).toBe('O’Neil 组');
    expect(wb.worksheets[0]!.pageSetup.printTitlesRow).toBe('1:3');
  });

  it('a one-column sheet merges nothing and still writes its title', async () => {
    const wb = await read([
      { name: '单列', title: '名单', subtitle: '', header: ['单位'], rows: [['甲镇']] },
    ]);
    const ws = wb.worksheets[0]!;
    expect(merges(ws)).toEqual([]);
    expect([ws.getCell('A1').value, ws.getCell('A3').value, ws.getCell('A4').value]).toEqual([
      '名单',
      '单位',
      '甲镇',
    ]);
  });

  it('refuses a workbook without sheets (Excel would not open it)', async () => {
    await expect(workbooks.xlsx([])).rejects.toThrow('at least one sheet');
  });

  it('writes a 2 000-row sheet whole', async () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => [i + 1, `单位${i + 1}`, ((i * 7) % 100) / 3]);
    const wb = await read([{ ...platforms, rows, notes: ['末行'] }]);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A2003').value).toBe(2_000);
    expect(ws.getCell('C2003').value).toBeCloseTo(((1_999 * 7) % 100) / 3, 10);
    expect(ws.getCell('C2003').numFmt).toBe('0.00');
    expect(ws.getCell('A2004').value).toBe('末行');
  });
});

describe('textWidth', () => {
  it('counts a Chinese character or full-width sign as two, ASCII as one', () => {
    expect([textWidth('abc'), textWidth('甲镇'), textWidth('（亿元）'), textWidth('A组1')]).toEqual([
      3, 4, 8, 4,
    ]);
  });
});
