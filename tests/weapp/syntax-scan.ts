/**
 * What a script may contain to run on the JavaScriptCore of iOS 12 (Safari 12): ES2019 syntax —
 * Safari 11.1 already had optional catch binding and the ES2018 features, while `?.`, `??`, class fields
 * and `1n` came with Safari 13.1–14 — but no regex lookbehind (Safari 16.4) nor the `d`/`v` flags, no
 * built-ins that came later (`.at()`, `Object.hasOwn`, `replaceAll`, `structuredClone` …), and no
 * `process.env` (WeChat has no `process`). Built-ins that src/polyfills.weapp.ts adds are not listed.
 */
import { parse, type Node } from 'acorn';

export interface Problem {
  line: number;
  column: number;
  message: string;
}

export const ECMA_VERSION = 2019;

/** A lookup that a name like `toString` cannot fall through to Object.prototype. */
const table = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries));

/** Methods called on a value, by name, that iOS 12 lacks (and when Safari got them). */
const laterMethods = table({
  at: 'Array/String.prototype.at (Safari 15.4)',
  replaceAll: 'String.prototype.replaceAll (Safari 13.1)',
  matchAll: 'String.prototype.matchAll (Safari 13)',
  findLast: 'Array.prototype.findLast (Safari 15.4)',
  findLastIndex: 'Array.prototype.findLastIndex (Safari 15.4)',
});
const laterStatics = table({
  'Object.hasOwn': 'Safari 15.4',
  'Promise.allSettled': 'Safari 13',
  'Promise.any': 'Safari 14',
});
const laterGlobals = table({
  structuredClone: 'Safari 15.4',
  AggregateError: 'Safari 14',
  WeakRef: 'Safari 14.1',
  FinalizationRegistry: 'Safari 14.1',
  queueMicrotask: 'Safari 12.1',
});

type AnyNode = Node & Record<string, unknown>;

function* children(node: AnyNode): Generator<AnyNode> {
  for (const value of Object.values(node)) {
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (item && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string')
        yield item as AnyNode;
    }
  }
}

const nameOf = (n: unknown): string | null => {
  const node = n as AnyNode | null;
  if (!node) return null;
  if (node.type === 'Identifier') return String(node.name);
  if (node.type === 'MemberExpression' && !node.computed) {
    const object = nameOf(node.object);
    const property = nameOf(node.property);
    return object && property ? `${object}.${property}` : null;
  }
  return null;
};

function regexProblem(pattern: string, flags: string): string | null {
  if (/\(\?<[=!]/.test(pattern)) return `regex lookbehind /${pattern.slice(0, 40)}/ (Safari 16.4)`;
  const late = flags.replace(/[gimsuy]/g, '');
  if (late) return `regex flag "${late}" (Safari 15+)`;
  return null;
}

export function scanScript(code: string): Problem[] {
  const problems: Problem[] = [];
  let ast: AnyNode;
  try {
    ast = parse(code, {
      ecmaVersion: ECMA_VERSION,
      sourceType: 'script',
      locations: true,
    }) as unknown as AnyNode;
  } catch (e) {
    const { loc = { line: 0, column: 0 }, pos = 0 } = e as {
      loc?: { line: number; column: number };
      pos?: number;
    };
    const near = code.slice(Math.max(0, pos - 30), pos + 10).replace(/\s+/g, ' ');
    return [{ ...loc, message: `syntax above ES${ECMA_VERSION}: ${(e as Error).message} near «${near}»` }];
  }
  const report = (node: AnyNode, message: string) => {
    const start = (node.loc as { start: { line: number; column: number } }).start;
    problems.push({ line: start.line, column: start.column, message });
  };

  const visit = (node: AnyNode, parent: AnyNode | null): void => {
    const name = nameOf(node);
    if (node.type === 'MemberExpression' && name === 'process.env')
      report(node, 'process.env: WeChat has no process');
    const staticNote = name ? laterStatics.get(name) : undefined;
    if (node.type === 'MemberExpression' && staticNote) report(node, `${name} (${staticNote})`);
    if (node.type === 'CallExpression') {
      const callee = node.callee as AnyNode;
      const method = callee.type === 'MemberExpression' && !callee.computed ? nameOf(callee.property) : null;
      const note = method ? laterMethods.get(method) : undefined;
      if (note) report(callee, note);
    }
    if (
      (node.type === 'CallExpression' || node.type === 'NewExpression') &&
      nameOf(node.callee) === 'RegExp'
    ) {
      const [source, flags] = node.arguments as AnyNode[];
      if (source?.type === 'Literal' && typeof source.value === 'string') {
        const problem = regexProblem(source.value, flags?.type === 'Literal' ? String(flags.value) : '');
        if (problem) report(node, problem);
      }
    }
    const regex = node.regex as { pattern: string; flags: string } | undefined;
    if (node.type === 'Literal' && regex) {
      const problem = regexProblem(regex.pattern, regex.flags);
      if (problem) report(node, problem);
    }
    const guarded = parent?.type === 'UnaryExpression' && parent.operator === 'typeof';
    const globalNote = node.type === 'Identifier' ? laterGlobals.get(String(node.name)) : undefined;
    if (globalNote && !guarded) {
      const isProperty = parent?.type === 'MemberExpression' && parent.property === node && !parent.computed;
      const isKey = parent?.type === 'Property' && parent.key === node;
      if (!isProperty && !isKey) report(node, `${String(node.name)} (${globalNote})`);
    }
    for (const child of children(node)) visit(child, node);
  };
  visit(ast, null);
  return problems;
}
