/** Browser: the H5 build targets browsers that have what the libraries use (WeChat: polyfills.weapp.ts). */
export {};
