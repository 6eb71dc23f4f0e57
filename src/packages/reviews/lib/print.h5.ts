/**
 * Browser: 打印 puts the page in its print view (the `print-view` class on <body>: the app's bars and the
 * page's buttons hidden, see print.h5.scss), opens the print dialog, and takes the class off afterwards.
 */
import type { Printer } from './print.types';
import './print.h5.scss';

const VIEW = 'print-view';

export const printer: Printer = {
  supported: true,
  print() {
    const body = document.body;
    body.classList.add(VIEW);
    const done = () => {
      body.classList.remove(VIEW);
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  },
};
