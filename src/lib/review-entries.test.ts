import type { User } from '../../core/contract';
import { reviewEntries } from './review-entries';

const user = (role: User['role'], unitId: string | null = null): User => ({
  id: role,
  name: '某人',
  role,
  unitId,
  unitName: unitId ? '东城街道' : null,
});

const titles = (u: User) => reviewEntries(u).map((e) => `${e.title}:${e.scope}`);

describe('what 我 offers of the monthly review', () => {
  it('a unit’s reporter and leader: the 通报 and their own unit’s 约谈, 书面说明 and 扣分', () => {
    for (const role of ['reporter', 'unit_leader'] as const)
      expect(titles(user(role, 'u1'))).toEqual([
        '月度通报:各月排名与约谈名单',
        '约谈:本单位',
        '书面说明:本单位',
        '考核扣分台账:本单位',
      ]);
  });

  it('supervisors and city leaders: every unit’s', () => {
    for (const role of ['supervisor', 'leader'] as const)
      expect(titles(user(role)).slice(1)).toEqual([
        '约谈:全部单位',
        '书面说明:全部单位',
        '考核扣分台账:全部单位',
      ]);
  });

  it('anyone else, or a reporter without a unit: the 通报 only', () => {
    expect(titles(user('admin'))).toEqual(['月度通报:各月排名与约谈名单']);
    expect(titles(user('reporter', null))).toEqual(['月度通报:各月排名与约谈名单']);
  });
});
