/** Browser: the workbook becomes a Blob and downloads under its own name. */
import { safeFileName, type FileSaver } from './save-file.types';

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const fileSaver: FileSaver = {
  label: '导出 Excel',
  async save({ fileName, mime, base64 }) {
    const url = URL.createObjectURL(new Blob([bytesOf(base64)], { type: mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = safeFileName(fileName);
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    // The download has started from the URL by now; give it a moment before letting go of the bytes.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  },
};
