// Development overrides: readable output, build logs on.
import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: { port: 10086, proxy: [{ context: ['/api', '/files'], target: 'http://127.0.0.1:8787' }] },
  },
} satisfies UserConfigExport<'webpack5'>;
