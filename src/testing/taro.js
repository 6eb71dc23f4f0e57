// Jest stand-in for `@tarojs/taro` (TOOLCHAIN.md "Tests"): the H5 implementation of the APIs plus the
// page hooks of the React framework plugin, wired to React the way the H5 build wires them.
// Plain JS on purpose: tests get their types from the real @tarojs/taro.
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as h5 from '@tarojs/taro-h5';
import * as runtime from '@tarojs/plugin-framework-react/dist/runtime';

runtime.createH5NativeComponentConfig(null, React, ReactDOM);

export * from '@tarojs/taro-h5';
export const {
  useDidShow,
  useDidHide,
  useLoad,
  useReady,
  useUnload,
  usePullDownRefresh,
  useReachBottom,
  usePageScroll,
  useRouter,
  useLaunch,
  useShareAppMessage,
} = runtime;

// The H5 build's loader hangs every named API on the default object; do the same here.
const Taro = { ...h5.default, ...h5, ...runtime };
export default Taro;
