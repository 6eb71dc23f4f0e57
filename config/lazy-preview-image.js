// Browser build only (config/index.ts puts it in place of Taro's own): Taro.previewImage brings a photo
// viewer built on Swiper, about 200 KB, that the feed loaded before its first card although it is needed
// only when a photo is tapped. This fetches it then, and behaves the same: a promise of the preview.
export function previewImage(options) {
  return import(
    /* webpackChunkName: "preview-image" */ '@tarojs/taro-h5/dist/api/media/image/previewImage.js'
  ).then((m) => m.previewImage(options));
}
