/**
 * How the version document (./versions.ts) is read: its fields but `heads`, plus one unit's head when asked.
 * Apart from ./versions.ts so that ./warm.ts, which ./versions.ts uses, can read it too.
 */
import type { WxDocRef } from './wx-types';

/** The layout of figure documents this program writes (`figureDocs`). */
export const FIGURE_DOCS = 2;

/** Every field of the version document but `heads`. */
const VERSION_FIELDS = ['campaignId', 'version', 'campaign', 'posts', 'currentOf', 'epoch', 'figureDocs'];

/** A unit id as a field name: escaped (no `.` or `$`), and never all digits. */
export const headKey = (unitId: string): string => `u_${encodeURIComponent(unitId).replace(/\./g, '%2E')}`;

export const unitOfKey = (key: string): string | null =>
  key.startsWith('u_') ? decodeURIComponent(key.slice(2)) : null;

/** The projection of the version fields, and of one unit's head when `unitId` is given. */
export function versionFields(unitId?: string): Record<string, boolean> {
  const fields: Record<string, boolean> = Object.fromEntries(VERSION_FIELDS.map((f) => [f, true]));
  if (unitId !== undefined) fields[`heads.${headKey(unitId)}`] = true;
  return fields;
}

/** `ref.field(projection).get()`: the SDK's document reference has `field`, ./wx-types.ts leaves it out. */
export function projected(ref: WxDocRef, projection: Record<string, boolean>): WxDocRef {
  return (ref as WxDocRef & { field(p: Record<string, boolean>): WxDocRef }).field(projection);
}
