/**
 * The lint rule that keeps the areas of core/app apart (eslint.config.mjs, `app/areas`): a use case may
 * import another area's store.ts and campaigns/view, nothing else of it; its own area, the shared modules
 * at core/app's top and tests are free. Sources are linted as text under made-up names, as in
 * ./adapter-boundaries.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

function lint(fixtures: Array<{ file: string; code: string }>): string[][] {
  const script = `
    import { ESLint } from 'eslint';
    const fixtures = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const { file, code } of fixtures) {
      const [result] = await eslint.lintText(code, { filePath: file });
      out.push(result.messages.filter((m) => m.ruleId === 'app/areas').map((m) => m.line + ': ' + m.message.split(':')[0]));
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(fixtures)], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`eslint failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}

const imports = [
  "import { callerCampaign } from '../campaigns/view';",
  "import type { UserRecord } from '../people/store';",
  "import { startSession } from '../people/session';",
  "import { deliver } from '../notifications/deliver';",
  "import { postOut } from './list';",
  "import type { Deps } from '../ports';",
  'export const used = [callerCampaign, startSession, deliver, postOut];',
  'export type T = [UserRecord, Deps];',
].join('\n');

it('flags a use case reaching into another area, and nothing else', () => {
  const [area, test, top] = lint([
    { file: 'core/app/posts/wiring.ts', code: imports },
    { file: 'core/app/posts/wiring.test.ts', code: imports },
    {
      file: 'core/app/wiring.ts',
      code: imports.replaceAll("'../", "'./").replace("'./list'", "'./posts/list'"),
    },
  ]);
  expect(area).toEqual([
    '3: core/app/posts imports core/app/people/session',
    '4: core/app/posts imports core/app/notifications/deliver',
  ]);
  expect(test).toEqual([]);
  expect(top).toEqual([]);
}, 60_000);
