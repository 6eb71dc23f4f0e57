// A webpack plugin for the H5 build: names the chunks of the page the app opens on (晒, the first page)
// in index.html as `<link rel="preload">`. Without it the browser asks for them only once app.js has run
// (over a second on a slow phone), one round trip after another; with it they download while app.js
// runs. `fetchpriority="low"` keeps app.js itself first in the queue. Named chunks the page needs as soon
// as it asks for data (the contract's schemas: src/api/contract.h5.ts) are preloaded after them. The
// page's stylesheet is linked outright (small, and fetched beside app.css, which blocks the first paint
// anyway), so that markup drawn before the app runs (the feed's opening picture) has its look.
import type { Compiler } from 'webpack';

export class PreloadRoutePlugin {
  /**
   * `route`: the page's import request, as Taro's router names it (`./pages/feed/index`); `chunks`: names
   * of lazily loaded chunks (`webpackChunkName`) to preload after the page's.
   */
  constructor(
    private readonly route: string,
    private readonly chunks: readonly string[] = [],
  ) {}

  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('preload-route', (compilation) => {
      // After html-webpack-plugin writes index.html (OPTIMIZE_INLINE), before the compressed copies.
      compilation.hooks.processAssets.tap(
        { name: 'preload-route', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE + 1 },
        () => {
          const html = compilation.getAsset('index.html');
          const group = compilation.chunkGroups.find(
            (g) => !g.isInitial() && g.origins.some((o) => o.request === this.route),
          );
          const named = this.chunks.map((name) => compilation.namedChunkGroups.get(name));
          if (!html || !group || named.some((g) => !g)) {
            compilation.warnings.push(
              new compiler.webpack.WebpackError(
                `preload-route: no index.html or no chunk group for ${[this.route, ...this.chunks].join(', ')}`,
              ),
            );
            return;
          }
          const publicPath = String(compilation.outputOptions.publicPath ?? '/');
          const files = [group, ...named].flatMap((g) => g?.getFiles() ?? []);
          const links = [...new Set(files)]
            .filter((f) => /\.(js|css)$/.test(f))
            .map((f) =>
              // The page's styles apply at once: the feed's opening picture (src/index.html) is drawn
              // with them before the app runs. The chunk loader finds the link and adds no second one.
              f.endsWith('.css')
                ? `<link rel="stylesheet" href="${publicPath}${f}">`
                : `<link rel="preload" as="script" href="${publicPath}${f}" fetchpriority="low">`,
            )
            .join('');
          const text = html.source.source().toString();
          if (!text.includes('</head>')) return;
          compilation.updateAsset(
            'index.html',
            new sources.RawSource(text.replace('</head>', `${links}</head>`)),
          );
        },
      );
    });
  }
}
