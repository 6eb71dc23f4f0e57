// Babel for the Taro builds and the "ui" jest project (babel-preset-taro: React + TypeScript).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
