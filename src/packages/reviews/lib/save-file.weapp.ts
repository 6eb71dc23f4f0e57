/**
 * WeChat: the workbook is written to the mini-program's own user folder and opened in WeChat's document
 * viewer, whose menu (showMenu) lets the person forward it or open it in another app.
 */
import Taro from '@tarojs/taro';
import { safeFileName, type FileSaver } from './save-file.types';

function writeBase64(filePath: string, base64: string): Promise<void> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: base64,
      encoding: 'base64',
      success: () => resolve(),
      fail: (e) => reject(new Error(e.errMsg)),
    });
  });
}

export const fileSaver: FileSaver = {
  label: '导出 Excel',
  async save({ fileName, base64 }) {
    const filePath = `${Taro.env.USER_DATA_PATH}/${safeFileName(fileName)}`;
    await writeBase64(filePath, base64);
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
  },
};
