/**
 * A published 通报's tools: 导出 Excel (the browser downloads the workbook; WeChat opens it in its document
 * viewer to forward or keep) and, in the browser, 打印 (the print view). Hidden in the print view itself.
 */
import { Button, View } from '@tarojs/components';
import { useState } from 'react';
import { call } from '../../../../api/call';
import { toastError, toastSuccess } from '../../../../api/toast';
import { printer } from '../../lib/print';
import { fileSaver } from '../../lib/save-file';

export default function Tools({ period, version }: { period: string; version: number }) {
  const [exporting, setExporting] = useState(false);
  const exportFile = async () => {
    if (exporting) return;
    setExporting(true);
    try {
      await fileSaver.save(await call('review.export', { period, version }));
      toastSuccess('已导出');
    } catch (e) {
      toastError(e);
    } finally {
      setExporting(false);
    }
  };
  return (
    <View className="rv__tools no-print">
      <Button className="ghost-btn rv__tool" onClick={() => void exportFile()} data-testid="export">
        {exporting ? '正在导出…' : fileSaver.label}
      </Button>
      {printer.supported && (
        <Button className="ghost-btn rv__tool" onClick={() => printer.print()} data-testid="print">
          打印
        </Button>
      )}
    </View>
  );
}
