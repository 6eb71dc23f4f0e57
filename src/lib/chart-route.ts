/** The division chart (the unit subpackage, where the charts live): composite scores of a division or 全市. */
const q = encodeURIComponent;

/** 全市 in a link's `division`: the board's chip for the whole city, never a division's name. */
export const CITY = '全市';

/** `division` '' is 全市. */
export const divisionChartRoute = (division: string): string =>
  `/packages/unit/pages/division/index?division=${q(division || CITY)}`;
