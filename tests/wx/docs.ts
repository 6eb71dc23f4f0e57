/**
 * Single-document operations of the database double (`doc(id).get/set/update/remove`, `add`), written once
 * over a context: outside a transaction each write commits at once; inside one, reads are checked for
 * conflicts and writes wait for the commit.
 */
import type { WxData, WxDocRef } from '../../adapters/cloudbase/wx-types';
import { applyUpdate, clone, toStored } from './commands';
import { duplicate, newDocId, pause, withId, type State } from './state';

export interface DocContext {
  /** The document as this context sees it; null when missing. */
  read(table: string, id: string): WxData | null;
  write(table: string, id: string, data: WxData | null): void;
  missing(id: string): Error;
}

function refuseId(data: WxData, op: string): void {
  if ('_id' in data) throw new Error(`document.${op}:fail _id cannot be written by ${op}`);
}

export function docRef(state: State, ctx: DocContext, table: string, id: string): WxDocRef {
  if (typeof id !== 'string' || id === '') throw new Error('db double: doc() needs a non-empty string id');
  return {
    async get() {
      await pause(state);
      state.stats.docReads += 1;
      const data = ctx.read(table, id);
      await pause(state);
      if (data) return { data: withId(id, data), errMsg: 'document.get:ok' };
      if (state.opts.throwOnNotFound) throw ctx.missing(id);
      return { data: null, errMsg: 'document.get:ok' };
    },
    async set({ data }) {
      await pause(state);
      refuseId(data, 'set');
      const existed = ctx.read(table, id) !== null;
      ctx.write(table, id, toStored(data, 'set'));
      return {
        _id: id,
        stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 },
        errMsg: 'document.set:ok',
      };
    },
    async update({ data }) {
      await pause(state);
      refuseId(data, 'update');
      const current = ctx.read(table, id);
      if (!current) return { stats: { updated: 0 } };
      const next = clone(current);
      applyUpdate(next, data);
      ctx.write(table, id, toStored(next, 'update'));
      return { stats: { updated: 1 } };
    },
    async remove() {
      await pause(state);
      const existed = ctx.read(table, id) !== null;
      if (existed) ctx.write(table, id, null);
      return { stats: { removed: existed ? 1 : 0 } };
    },
  };
}

export async function addDoc(
  state: State,
  ctx: DocContext,
  table: string,
  data: WxData,
): Promise<{ _id: string }> {
  await pause(state);
  const { _id, ...rest } = data;
  const id = typeof _id === 'string' && _id !== '' ? _id : newDocId(state);
  if (ctx.read(table, id)) throw duplicate(id);
  ctx.write(table, id, toStored(rest, 'add'));
  return { _id: id };
}
