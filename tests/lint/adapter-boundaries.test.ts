/**
 * The lint rule that keeps adapters apart (eslint.config.mjs, `local/adapter-boundaries`): a file under
 * adapters/<x>/, its tests included, may not import adapters/<y>/ however the path is spelled. The
 * sources are linted as text under made-up names, so no bad file is ever written to the tree; ESLint
 * runs in a child process because it loads its config as an ES module, which jest's sandbox cannot.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

interface Fixture {
  file: string;
  code: string;
}

/** The rule's reports per fixture, as `line: adapters/x → adapters/y`. */
function lint(fixtures: Fixture[]): string[][] {
  const script = `
    import { ESLint } from 'eslint';
    const fixtures = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const { file, code } of fixtures) {
      const [result] = await eslint.lintText(code, { filePath: file });
      out.push(result.messages.filter((m) => m.ruleId === 'local/adapter-boundaries')
        .map((m) => m.line + ': ' + /^(adapters\\/\\S+) imports (adapters\\/\\S+):/.exec(m.message).slice(1).join(' → ')));
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
  "import { nodeIds } from '../node';",
  "import { createWebhookNotifier } from '../../adapters/webhook/notifier';",
  "export * from '../sqlite';",
  "import { collections } from './collections';",
  "import type { Store } from '../../core/app/ports';",
  'export const used = [nodeIds, createWebhookNotifier, collections];',
  'export type S = Store;',
].join('\n');

it('flags an adapter importing another adapter, in its code and in its tests, and nothing else', () => {
  const [code, test, deeper, same] = lint([
    { file: 'adapters/cloudbase/wiring.ts', code: imports },
    { file: 'adapters/cloudbase/wiring.test.ts', code: imports },
    {
      file: 'adapters/cloudbase/areas/wiring.ts',
      code: "import { systemClock } from '../../node/clock';\nimport { x } from '../store';\nexport const y = [systemClock, x];",
    },
    {
      file: 'adapters/node/wiring.ts',
      code: "import { nodeIds } from '../node';\nimport { systemClock } from '../../adapters/node/clock';\nexport const y = [nodeIds, systemClock];",
    },
  ]);
  const crossing = [
    '1: adapters/cloudbase → adapters/node',
    '2: adapters/cloudbase → adapters/webhook',
    '3: adapters/cloudbase → adapters/sqlite',
  ];
  expect(code).toEqual(crossing);
  expect(test).toEqual(crossing);
  expect(deeper).toEqual(['1: adapters/cloudbase → adapters/node']);
  expect(same).toEqual([]);
}, 60_000);
