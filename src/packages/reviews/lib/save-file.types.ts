/** What `review.export` gives: a workbook's bytes (base64), its name and type. */
export interface ExportedFile {
  fileName: string;
  mime: string;
  base64: string;
}

export interface FileSaver {
  /** The button's words on this platform. */
  label: string;
  /** Saves (browser: downloads) the file, or opens it for the person to keep or forward (WeChat). */
  save(file: ExportedFile): Promise<void>;
}

/** A name a file system takes: no path separators or characters WeChat's or Windows' file names refuse. */
export const safeFileName = (name: string): string => name.replace(/[\\/:*?"<>|\s]+/g, '_') || '通报.xlsx';
