import Taro from '@tarojs/taro';
import { printer } from './print.h5';
import { fileSaver as browserSaver } from './save-file.h5';
import { fileSaver as wechatSaver } from './save-file.weapp';

const file = {
  fileName: '“三百”竞赛（演示）-2025年10月通报.xlsx',
  mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  // "PK\u0003\u0004": a zip's first bytes, as a workbook starts
  base64: 'UEsDBA==',
};

afterEach(() => jest.restoreAllMocks());

describe('导出 Excel on WeChat', () => {
  const taro = Taro as unknown as Record<string, unknown>;
  let writes: Record<string, unknown>[];
  let opened: jest.Mock;
  const saved = { env: taro.env, fs: taro.getFileSystemManager, open: taro.openDocument };

  beforeEach(() => {
    writes = [];
    opened = jest.fn().mockResolvedValue({ errMsg: 'openDocument:ok' });
    taro.env = { USER_DATA_PATH: 'wxfile://usr' };
    taro.openDocument = opened;
  });
  afterEach(() => {
    taro.env = saved.env;
    taro.getFileSystemManager = saved.fs;
    taro.openDocument = saved.open;
  });

  it('writes the bytes into the user folder under the workbook’s name and opens it with the menu', async () => {
    taro.getFileSystemManager = () => ({
      writeFile: (o: Record<string, unknown> & { success: () => void }) => {
        writes.push(o);
        o.success();
      },
    });
    await wechatSaver.save(file);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({
      filePath: 'wxfile://usr/“三百”竞赛（演示）-2025年10月通报.xlsx',
      data: file.base64,
      encoding: 'base64',
    });
    expect(opened).toHaveBeenCalledWith({ filePath: writes[0]!.filePath, fileType: 'xlsx', showMenu: true });
  });

  it('a name with a path in it stays in the user folder; a failed write opens nothing', async () => {
    taro.getFileSystemManager = () => ({
      writeFile: (o: Record<string, unknown> & { fail: (e: { errMsg: string }) => void }) => {
        writes.push(o);
        o.fail({ errMsg: 'writeFile:fail the maximum size of the file storage limit is exceeded' });
      },
    });
    await expect(wechatSaver.save({ ...file, fileName: '../a/b 通报.xlsx' })).rejects.toThrow(
      /storage limit/,
    );
    expect(writes[0]!.filePath).toBe('wxfile://usr/.._a_b_通报.xlsx');
    expect(opened).not.toHaveBeenCalled();
  });
});

describe('导出 Excel in the browser', () => {
  it('downloads a Blob of the decoded bytes under the workbook’s name', async () => {
    let blob: Blob | null = null;
    const url = URL as unknown as Record<string, unknown>;
    url.createObjectURL = (b: Blob) => {
      blob = b;
      return 'blob:workbook';
    };
    url.revokeObjectURL = () => undefined;
    const clicked: HTMLAnchorElement[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    await browserSaver.save(file);
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe(file.fileName);
    expect(clicked[0]!.href).toBe('blob:workbook');
    expect(blob!.type).toBe(file.mime);
    const bytes = await new Promise<ArrayBuffer>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.readAsArrayBuffer(blob!);
    });
    expect([...new Uint8Array(bytes)]).toEqual([0x50, 0x4b, 3, 4]);
    // The link does not stay in the page
    expect(document.querySelector('a[download]')).toBeNull();
  });
});

describe('打印 in the browser', () => {
  it('shows the print view while the dialog is open, and the page again after it', () => {
    const print = jest.spyOn(window, 'print').mockImplementation(() => {
      expect(document.body.classList.contains('print-view')).toBe(true);
    });
    printer.print();
    expect(print).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('afterprint'));
    expect(document.body.classList.contains('print-view')).toBe(false);
  });
});
