import type { User } from '../../core/contract';
import { notificationTarget, reviewOfId, routes } from './routes';

const leader: User = { id: 'l1', name: '张伟', role: 'unit_leader', unitId: 'u1', unitName: '东城街道' };

describe('where the review messages lead', () => {
  it('a 约谈 notice opens 约谈 with the interview marked', () => {
    expect(notificationTarget({ kind: 'interview_due', subjectId: 'c1:2025-10:u1' }, leader)).toEqual({
      url: '/packages/reviews/pages/interviews/index?focus=c1%3A2025-10%3Au1',
      label: '查看约谈',
    });
  });

  it('an explanation request opens 书面说明 with that explanation marked', () => {
    expect(notificationTarget({ kind: 'explanation_due', subjectId: 'e-7' }, leader)).toEqual({
      url: routes.explanations('e-7'),
      label: '去写书面说明',
    });
  });

  it('a published 通报 opens that month and version, read from the review id', () => {
    expect(
      notificationTarget({ kind: 'review_published', subjectId: 'c-sanbai:2025-10:v2' }, leader),
    ).toEqual({
      url: '/packages/reviews/pages/review/index?period=2025-10&version=2',
      label: '查看通报',
    });
  });

  it('a review id it cannot read opens the list of months rather than nothing', () => {
    expect(notificationTarget({ kind: 'review_published', subjectId: 'garbled' }, leader)).toEqual({
      url: routes.reviewMonths,
      label: '查看通报',
    });
  });
});

describe('review ids', () => {
  it('take the period and version from the end, whatever the campaign id holds', () => {
    expect(reviewOfId('city:c:1:2024-12:v10')).toEqual({ period: '2024-12', version: 10 });
    expect(reviewOfId('c1:2024-13:v1')).toBeNull();
    expect(reviewOfId('c1:2024-12')).toBeNull();
  });

  it('a draft link names the month and draft=1', () => {
    expect(routes.review({ period: '2025-09', draft: true })).toBe(
      '/packages/reviews/pages/review/index?period=2025-09&draft=1',
    );
  });
});
