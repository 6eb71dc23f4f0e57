// Ambient types for the Taro app: style and image imports, and the build-time environment.
/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.jpg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** The build target Taro is building for. */
    TARO_ENV: 'weapp' | 'h5';
    TARO_APP_ID?: string;
  }
}
