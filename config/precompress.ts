// A webpack plugin for the H5 build: writes a brotli (`.br`) and a gzip (`.gz`) copy beside each text
// asset, so server/static.ts can answer `Accept-Encoding: br, gzip` without compressing per request.
// Made at build time, so brotli can use its slowest, smallest setting.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Compiler } from 'webpack';

/** What a browser downloads as text: scripts, styles, the page and icons. */
export const compressible = /\.(js|css|html|svg)$/i;

export function brotli(body: Buffer): Buffer {
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

export const gzip = (body: Buffer): Buffer => gzipSync(body, { level: 9 });

/** A class because webpack-chain instantiates plugins with `new`. */
export class PrecompressPlugin {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('precompress', (compilation) => {
      // After minifying, hashing and the HTML page: the copies must be of the final bytes.
      compilation.hooks.processAssets.tap(
        { name: 'precompress', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        () => {
          for (const asset of compilation.getAssets()) {
            if (!compressible.test(asset.name)) continue;
            const raw = asset.source.buffer();
            for (const [suffix, encode] of [
              ['.br', brotli],
              ['.gz', gzip],
            ] as const) {
              const packed = encode(raw);
              // A tiny file can grow when compressed: the server then sends it as it is.
              if (packed.length >= raw.length) continue;
              compilation.emitAsset(`${asset.name}${suffix}`, new sources.RawSource(packed), {
                immutable: asset.info.immutable,
              });
            }
          }
        },
      );
    });
  }
}
