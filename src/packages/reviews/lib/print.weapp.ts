/** WeChat has no printing: 打印 is not offered (导出 Excel opens the workbook, which can be printed from there). */
import type { Printer } from './print.types';

export const printer: Printer = { supported: false, print: () => undefined };
