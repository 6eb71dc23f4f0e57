// Babel for the Taro builds and the "ui" jest project (babel-preset-taro: React + TypeScript).
// The mini-program's floor is the JavaScriptCore of iOS 12 (README「小程序构建设置」): Android WeChat runs
// its own up-to-date V8, so iOS is the one engine that ages with the phone. Explicit targets are needed
// because package.json's browserslist (for H5) makes the preset skip its own mini-program defaults.
const weapp = process.env.TARO_ENV === 'weapp';

module.exports = {
  presets: [
    [
      'taro',
      { framework: 'react', ts: true, compiler: 'webpack5', ...(weapp ? { targets: { ios: '12' } } : {}) },
    ],
  ],
};
