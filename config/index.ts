// Taro build config for both targets (`taro build --type weapp|h5`); see TOOLCHAIN.md.
import { resolve } from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import webpack from 'webpack';
import { ChunkManifestPlugin } from './chunk-manifest';
import { PrecompressPlugin } from './precompress';
import { PreloadRoutePlugin } from './preload-route';
import devConfig from './dev';
import prodConfig from './prod';

/** NutUI is drawn at 375 wide, our own styles at 750 (TOOLCHAIN.md "UI and charts"). */
function designWidth(input?: unknown): number {
  const file = (input as { file?: string } | undefined)?.file ?? '';
  return file.replace(/\\/g, '/').includes('@nutui') ? 375 : 750;
}

/** Taro's browser previewImage, with its Swiper-based viewer (see lazy-preview-image.js). */
const taroPreviewImage = resolve(
  __dirname,
  '..',
  'node_modules/@tarojs/taro-h5/dist/api/media/image/previewImage.js',
);

/** The shared contract and the pure rules live outside src/ and are TypeScript: compile them like our own code. */
const compile = { include: ['contract', 'domain'].map((dir) => resolve(__dirname, '..', 'core', dir)) };

/**
 * Libraries that ship syntax above the mini-program's floor (iOS 12's JavaScriptCore: no `?.`, `??`) go
 * through babel too; Taro compiles only its own packages from node_modules. tests/weapp/syntax.test.ts
 * finds any that are missing here.
 */
const modernLibraries = /[\\/]node_modules[\\/](zod)[\\/]/;
const miniCompile = { include: [...compile.include, (file: string) => modernLibraries.test(file)] };

export default defineConfig<'webpack5'>(async (merge) => {
  const env = process.env.TARO_ENV ?? 'h5';
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'bixue-arena',
    date: '2025-1-1',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // Each target empties its own folder first, so they must not share one.
    outputRoot: `dist/${env}`,
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: miniCompile,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      // Modules used only by a subpackage (ECharts) stay out of the main package.
      optimizeMainPackage: { enable: true },
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      // Taro splits only initial chunks, so every page chunk carried its own copy of zod and the
      // components; share what two routes use, and keep ECharts in a chunk of its own for the unit page.
      webpackChain(chain) {
        chain.plugin('chunk-manifest').use(ChunkManifestPlugin);
        // Taro.previewImage's photo viewer (Swiper) loads when a photo is tapped, not with the feed.
        chain.plugin('lazy-preview-image').use(webpack.NormalModuleReplacementPlugin, [
          /previewImage\.js$/,
          (resource: { context: string; request: string }) => {
            // Taro's own relative imports of it; the replacement's bare `@tarojs/…` import stays as it is.
            if (resolve(resource.context, resource.request) === taroPreviewImage)
              resource.request = resolve(__dirname, 'lazy-preview-image.js');
          },
        ]);
        // The app opens on the first page of src/app.config.ts (晒): fetch its chunks alongside app.js, and
        // the contract's schemas its first request loads (src/api/contract.h5.ts).
        chain.plugin('preload-route').use(PreloadRoutePlugin, ['./pages/feed/index', ['contract']]);
        // server/static.ts sends these to browsers that accept br or gzip; the dev server needs none.
        if (process.env.NODE_ENV !== 'development') chain.plugin('precompress').use(PrecompressPlugin);
        // Our own budgets (scripts/test-budgets.mjs) replace webpack's generic size warnings.
        chain.performance.hints(false);
        chain.optimization.splitChunks({
          chunks: 'all',
          minSize: 20_000,
          hidePathInfo: true,
          cacheGroups: {
            default: false,
            defaultVendors: false,
            charts: {
              test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/,
              chunks: 'async',
              priority: 50,
              reuseExistingChunk: true,
            },
            vendors: { test: /[\\/]node_modules[\\/]/, minChunks: 2, priority: 10, reuseExistingChunk: true },
            common: { minChunks: 2, priority: 1, reuseExistingChunk: true },
          },
        });
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig);
});
