/**
 * A page's data as WeChat keeps it: `setData` paths (`root.cn.[0].cn.2.v`, `a.b[3]`) applied to a tree,
 * and the reading of Taro's tree out of it — `nn` is the node's template number (base.wxml names the
 * tag), `cn` its children, `v` a text's value, `sid`/`uid` the id events are dispatched by.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Data = Record<string, unknown>;

export interface TaroNode {
  nn: string;
  sid?: string;
  uid?: string;
  v?: string;
  cl?: string;
  cn?: TaroNode[];
  [prop: string]: unknown;
}

type Key = string | number;

/** `root.cn.[0].cn.2.v` and `a.b[3]` → ['root', 'cn', 0, 'cn', 2, 'v'] and ['a', 'b', 3]. */
export function pathKeys(path: string): Key[] {
  const keys: Key[] = [];
  for (const m of path.matchAll(/\[(\d+)\]|[^.[\]]+/g)) {
    const [token, index] = m;
    if (index !== undefined) keys.push(Number(index));
    else keys.push(/^\d+$/.test(token) ? Number(token) : token);
  }
  return keys;
}

type Container = Record<Key, unknown>;

/** Sets one path the way setData does: missing parents are created (an array when the key is an index). */
export function setPath(data: Data, path: string, value: unknown): void {
  const keys = pathKeys(path);
  let at: Container = data;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      at[key] = value;
      return;
    }
    const next = at[key];
    if (typeof next !== 'object' || next === null) at[key] = typeof keys[i + 1] === 'number' ? [] : {};
    at = at[key] as Container;
  });
}

/** WeChat copies what setData is given: later changes on the logic side do not reach the view. */
export function applySetData(data: Data, payload: Data): void {
  for (const [path, value] of Object.entries(payload)) setPath(data, path, structuredClone(value));
}

/** Template number → tag, read from the build's base.wxml (`<template name="tmpl_0_14"><button …`). */
export function readTags(dist: string): Map<string, string> {
  const wxml = readFileSync(join(dist, 'base.wxml'), 'utf8');
  const first = new Map<string, string>();
  for (const m of wxml.matchAll(/<template name="tmpl_0_([0-9a-z_]+)">\s*<([a-z][\w-]*)/g))
    first.set(m[1]!, m[2]!);
  const tags = new Map<string, string>();
  for (const [nn, tag] of first) {
    if (nn.includes('_')) continue;
    // Input and textarea dispatch to a focus/blur variant: the tag is the variant's.
    tags.set(nn, tag === 'template' ? (first.get(`${nn}_focus`) ?? tag) : tag);
  }
  return tags;
}

const childrenOf = (n: TaroNode): TaroNode[] => (Array.isArray(n.cn) ? n.cn : []);

/** Every text in the subtree, in document order. */
export function textOf(node: TaroNode): string {
  if (typeof node.v === 'string') return node.v;
  return childrenOf(node).map(textOf).join('');
}

export function* walk(node: TaroNode): Generator<TaroNode> {
  yield node;
  for (const child of childrenOf(node)) yield* walk(child);
}

/** The root of a page's Taro tree (`data.root`), or an empty node before the first setData. */
export function rootOf(data: Data): TaroNode {
  const root = data.root;
  return typeof root === 'object' && root !== null ? (root as TaroNode) : { nn: 'root', cn: [] };
}
