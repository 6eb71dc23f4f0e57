export interface Printer {
  /** False where the platform has no printing (WeChat): 打印 is not offered. */
  supported: boolean;
  /** Shows the page without the app's bars and buttons, and opens the print dialog. */
  print(): void;
}
