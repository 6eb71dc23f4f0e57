/** The Workbooks port on exceljs: the 通报 and other tables as .xlsx files, for every host. */
export { createExcelWorkbooks, textWidth } from './workbooks';
