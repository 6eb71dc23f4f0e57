/**
 * The build these tests run: dist/weapp as scripts/test-build.mjs makes it (`npm test` runs that first),
 * with the settings of build-settings.json substituted. Anything else fails with what to run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import settings from './build-settings.json';

export const DIST = join(__dirname, '..', '..', 'dist', 'weapp');
const HOW = 'run `node scripts/test-build.mjs weapp functions` (npm test does it before these tests)';

export function scriptsOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? scriptsOf(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );
}

/** dist/weapp, checked to be the test build. */
export function testBuild(): string {
  if (!existsSync(join(DIST, 'app.js'))) throw new Error(`dist/weapp is missing: ${HOW}`);
  const id = JSON.stringify(settings.TARO_APP_CLOUD_ENV);
  if (!scriptsOf(DIST).some((f) => readFileSync(f, 'utf8').includes(id))) {
    throw new Error(`dist/weapp was not built with tests/weapp/build-settings.json: ${HOW}`);
  }
  return DIST;
}
