// A webpack plugin for the H5 build: writes which JS files each page route loads (its chunk group plus
// the entry), so scripts/test-budgets.mjs can weigh "the JavaScript the feed route loads".
import type { Compiler } from 'webpack';

export interface ChunkManifest {
  /** Files the entry (app) loads before any page. */
  entry: string[];
  /** Import request of each lazily loaded chunk group → its files. */
  groups: { origins: string[]; files: string[] }[];
}

const js = (files: Iterable<string>): string[] => [...files].filter((f) => f.endsWith('.js'));

/** A class because webpack-chain instantiates plugins with `new`. */
export class ChunkManifestPlugin {
  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap('chunk-manifest', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'chunk-manifest', stage: 5000 }, () => {
        const manifest: ChunkManifest = { entry: [], groups: [] };
        for (const group of compilation.chunkGroups) {
          const files = js(group.getFiles());
          if (group.isInitial()) manifest.entry.push(...files);
          else
            manifest.groups.push({
              origins: group.origins.map((o) => o.request ?? '').filter(Boolean),
              files,
            });
        }
        const { RawSource } = compiler.webpack.sources;
        compilation.emitAsset('chunk-manifest.json', new RawSource(JSON.stringify(manifest, null, 1)));
      });
    });
  }
}
