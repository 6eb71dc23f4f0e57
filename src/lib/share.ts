/**
 * What a shared card says and opens (WeChat's 转发 and 朋友圈, src/hooks/useShare): the unit page with
 * its rank and score, the board and the division chart with their scope. `path` opens the page from a
 * chat; `query` is the same page's parameters for 朋友圈, which opens the sharing page itself.
 */
import type { StandingRow } from '../../core/contract';
import { fmtScore } from './format';
import { CITY, divisionChartRoute } from './chart-route';
import { routes } from './routes';

export interface ShareCard {
  title: string;
  path: string;
  query: string;
}

const q = encodeURIComponent;

/** "东城街道 组内第2名 · 86.5分". */
export function unitShareTitle(row: Pick<StandingRow, 'unitName' | 'divisionRank' | 'score'>): string {
  return `${row.unitName} 组内第${row.divisionRank}名 · ${fmtScore(row.score)}分`;
}

export function unitShare(
  row: Pick<StandingRow, 'unitId' | 'unitName' | 'divisionRank' | 'score'>,
): ShareCard {
  return { title: unitShareTitle(row), path: routes.unit(row.unitId), query: `unitId=${q(row.unitId)}` };
}

const BOARD = '/pages/board/index';

/**
 * "“三百”竞赛榜单：东城街道 乡镇街道第2名 · 86.5分" — the sharer's own unit when the view ranks it, else the
 * view's first; just the scope while nothing is ranked. `division` '' is 全市.
 */
export function boardShare(
  campaignName: string,
  division: string,
  rows: readonly Pick<StandingRow, 'unitId' | 'unitName' | 'rank' | 'score'>[],
  ownUnitId: string | null,
): ShareCard {
  const scope = division || CITY;
  const own = rows.find((r) => r.unitId === ownUnitId);
  const first = rows[0];
  const what = own
    ? `${own.unitName} ${scope}第${own.rank}名 · ${fmtScore(own.score)}分`
    : first
      ? `${scope}第${first.rank}名 ${first.unitName} · ${fmtScore(first.score)}分`
      : scope;
  const query = `division=${q(scope)}`;
  return { title: `${campaignName}榜单：${what}`, path: `${BOARD}?${query}`, query };
}

/**
 * A page parameter as written: WeChat may hand a page its query still percent-encoded where the browser's
 * router decodes it; decoding twice is harmless for names without "%", and a stray "%" is kept as it is.
 */
export function decodeParam(param: string | undefined): string {
  if (!param) return '';
  try {
    return decodeURIComponent(param);
  } catch {
    return param;
  }
}

/**
 * The board's view named by a shared link's `division`: '' for 全市, a division of the campaign, or null
 * (no link, or a division this campaign does not have) to fall back on the reader's own.
 */
export function sharedScope(
  param: string | undefined,
  divisions: readonly string[] | undefined,
): string | null {
  const value = decodeParam(param);
  if (value === '') return null;
  if (value === CITY) return '';
  return divisions?.includes(value) ? value : null;
}

/** "“三百”竞赛 乡镇街道综合得分图": the division chart, opened at the same scope. */
export function divisionChartShare(campaignName: string, division: string): ShareCard {
  const scope = division || CITY;
  return {
    title: `${campaignName} ${scope}综合得分图`,
    path: divisionChartRoute(division),
    query: `division=${q(scope)}`,
  };
}
