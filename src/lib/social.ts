/**
 * What the feed's reactions and 学 decide on the phone (DOMAIN.md "学"): who may recommend a post as 经验做法,
 * the limits the contract sets, and where 学 lives. The server checks all of it again.
 */
import type { Role } from '../../core/contract';

/** The contract's limits (core/contract/actions.ts post.comment, post.exemplar). */
export const COMMENT_MAX = 500;
export const REASON_MAX = 100;

/** Supervisors and city leaders mark 经验做法; a city leader's comment is a 点评. */
export const canRecommend = (role: Role | undefined): boolean => role === 'supervisor' || role === 'leader';
export const writesRemarks = (role: Role | undefined): boolean => role === 'leader';

/** The 学 page (the learn subpackage). */
export const learnRoute = '/packages/learn/pages/learn/index';

/** The server names the field it refuses (`reason：…`): a person reads only the words. */
export const plainMessage = (message: string): string =>
  message
    .split('；')
    .map((part) => part.replace(/^[A-Za-z][\w.]*[：:]\s*/, ''))
    .join('；');
