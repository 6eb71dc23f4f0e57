/**
 * The Workbooks port on exceljs: each SheetSpec becomes a worksheet laid out as a government 通报 table —
 * the title merged across the columns, the subtitle (date, version) under it, the header row framed and
 * frozen, the rows framed with numbers kept as numbers, the notes below; printed on A4, fitted to the
 * page's width, rows 1–3 repeated on every page.
 *
 * exceljs is loaded on the first export, not with the module: requiring it takes about a second, which a
 * cloud function's cold start (≤ 300 ms, issue 11) and the server's start need not pay for every call.
 */
import type { Alignment, Borders, Cell, Fill, Font, Worksheet } from 'exceljs';
import type { SheetSpec, Workbooks } from '../../core/app/ports';

type ExcelModule = typeof import('exceljs');

/** Plain names: Excel substitutes the local equivalent where a machine lacks them. */
const BODY_FONT = '宋体';
const TITLE_FONT = '黑体';
const TITLE_ROW = 1;
const SUBTITLE_ROW = 2;
const HEADER_ROW = 3;
/** A4 in the file format's numbering of paper sizes. */
const A4 = 9;
/** Points per printed line of 11-point text. */
const LINE_HEIGHT = 15;
/** Above this many columns the table prints on a landscape page. */
const PORTRAIT_COLUMNS = 6;

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const font = (size: number, bold = false, name = BODY_FONT): Partial<Font> => ({ name, size, bold });

/** Hangul, CJK, full-width forms and the supplementary planes: two of Excel's character units each. */
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{10000}-\u{10ffff}]/u;

/** The width a text takes in Excel's character units (what a column's width counts). */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** The table's columns: the header's, or more when a row is longer. */
const columnsOf = (spec: SheetSpec): number =>
  spec.rows.reduce((n, row) => Math.max(n, row.length), Math.max(1, spec.header.length));

/** Lines a text wraps to in a cell `width` characters wide (Excel sizes no merged or explicitly high row). */
const linesIn = (text: string, width: number): number =>
  text
    .split('\n')
    .reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / Math.max(1, width - 1))), 0);

/** Widths given by the sheet, else from the header and the longest cell, within 8–40 characters. */
function columnWidths(spec: SheetSpec, columns: number): number[] {
  return Array.from({ length: columns }, (_, c) => {
    const given = spec.widths?.[c];
    if (given !== undefined && given > 0) return given;
    const longest = spec.rows.reduce(
      (n, row) => Math.max(n, textWidth(String(row[c] ?? ''))),
      textWidth(spec.header[c] ?? ''),
    );
    return Math.min(40, Math.max(8, longest + 2));
  });
}

/** A whole-width line (title, subtitle, note): merged across the table's columns. */
function wideRow(ws: Worksheet, row: number, columns: number, text: string): Cell {
  if (columns > 1) ws.mergeCells(row, 1, row, columns);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  return cell;
}

function writeSheet(ws: Worksheet, spec: SheetSpec): void {
  const columns = columnsOf(spec);
  const widths = columnWidths(spec, columns);
  const tableWidth = widths.reduce((a, b) => a + b, 0);
  widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));

  const title = wideRow(ws, TITLE_ROW, columns, spec.title);
  title.font = font(16, true, TITLE_FONT);
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(TITLE_ROW).height = Math.max(30, linesIn(spec.title, tableWidth / 1.5) * 24);

  const subtitle = wideRow(ws, SUBTITLE_ROW, columns, spec.subtitle);
  subtitle.font = font(11);
  subtitle.alignment = { horizontal: 'right', vertical: 'middle' };
  ws.getRow(SUBTITLE_ROW).height = 20;

  const header = ws.getRow(HEADER_ROW);
  let headerLines = 1;
  for (let c = 0; c < columns; c += 1) {
    const cell = header.getCell(c + 1);
    const text = spec.header[c] ?? '';
    cell.value = text;
    cell.font = font(11, true);
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = HEADER_FILL;
    headerLines = Math.max(headerLines, linesIn(text, widths[c]!));
  }
  header.height = headerLines * LINE_HEIGHT + 6;

  spec.rows.forEach((values, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    let lines = 1;
    for (let c = 0; c < columns; c += 1) {
      const cell = row.getCell(c + 1);
      const value = values[c] ?? null;
      const format = spec.formats?.[c] ?? null;
      cell.font = font(11);
      cell.border = BORDER;
      let alignment: Partial<Alignment>;
      if (typeof value === 'number') {
        // A figure stays a number (Excel sums and sorts it); a count or a rank without a format is centred.
        cell.value = Number.isFinite(value) ? value : null;
        if (format) cell.numFmt = format;
        alignment = { horizontal: format ? 'right' : 'center', vertical: 'middle' };
      } else if (value === null) {
        cell.value = null;
        alignment = { horizontal: 'center', vertical: 'middle' };
      } else {
        cell.value = value;
        const fits = textWidth(value) <= widths[c]! - 1 && !value.includes('\n');
        alignment = fits
          ? { horizontal: 'center', vertical: 'middle' }
          : { horizontal: 'left', vertical: 'middle', wrapText: true };
        lines = Math.max(lines, linesIn(value, widths[c]!));
      }
      cell.alignment = alignment;
    }
    if (lines > 1) row.height = lines * LINE_HEIGHT + 4;
  });

  (spec.notes ?? []).forEach((note, i) => {
    const row = HEADER_ROW + spec.rows.length + 1 + i;
    const cell = wideRow(ws, row, columns, note);
    cell.font = font(10);
    cell.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    ws.getRow(row).height = linesIn(note, tableWidth * 1.1) * 14 + 4;
  });
}

export function createExcelWorkbooks(): Workbooks {
  let loading: Promise<ExcelModule> | null = null;
  return {
    async xlsx(sheets) {
      // A file with no sheet is one Excel refuses to open: that is a caller's mistake, not an empty export.
      if (sheets.length === 0) throw new Error('a workbook needs at least one sheet');
      // exceljs is CommonJS: Node's import() puts its exports under `default`, a bundler's also beside it.
      loading ??= import('exceljs').then((m) => (m as { default?: ExcelModule }).default ?? m);
      const { Workbook } = await loading;
      const wb = new Workbook();
      for (const spec of sheets) {
        const columns = columnsOf(spec);
        // exceljs writes the print titles' range as '<tab>'!$1:$3 without doubling a quote in the name,
        // which Excel then reports as a damaged file: a typographic apostrophe reads the same.
        const ws = wb.addWorksheet(spec.name.replace(/'/g, '’'), {
          views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}` }],
          pageSetup: {
            paperSize: A4,
            orientation: columns > PORTRAIT_COLUMNS ? 'landscape' : 'portrait',
            fitToPage: true,
            fitToWidth: 1,
            fitToHeight: 0,
            horizontalCentered: true,
            margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
            printTitlesRow: `${TITLE_ROW}:${HEADER_ROW}`,
          },
        });
        writeSheet(ws, spec);
      }
      const buffer = await wb.xlsx.writeBuffer();
      return new Uint8Array(buffer);
    },
  };
}
