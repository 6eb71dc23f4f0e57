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
    /** WeChat cloud environment id (.env; empty = not set). Read only by src/api/platform.weapp.ts. */
    TARO_APP_CLOUD_ENV?: string;
    /** Reminder subscription template ids, comma-separated (.env; empty = in-app reminders only). */
    TARO_APP_TPL_NO_POST?: string;
  }
}
