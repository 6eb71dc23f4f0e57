/**
 * The Store's collections on the cloud database, one per kind of record, and how document ids are made.
 * Records with a natural key get that key as their `_id`, so that the post transaction can reach every
 * document it needs with `doc(id)` (a transaction allows nothing else).
 *
 * Document shapes (`record` holds the port's record unchanged; the other fields are for queries):
 *   campaigns/{campaignId}                 { record }
 *   tracks|metrics|units/{campaign:id}     { campaignId, order, record }
 *   targets/{campaign:unit:metric}         { campaignId, order, record }
 *   users/{userId}                         { isDemo, record }
 *   openids/{openid}, accounts/{account}   { userId }   (unique keys: a bind or sign-up claims one)
 *   sessions/{token}                       { userId, expiresAt, record }
 *   invites/{code}                         { expiresAt, usedBy, record }
 *   notifications/{notificationId}         { userId, createdMs, seq, unread, record }
 *   notification_keys/{dedupeKey}          { id, userId }   (a reminder is stored at most once)
 *   inboxes/{userId}                       { seq }   (orders a user's notifications made in one ms)
 *   posts/{postId}                         { campaignId, unitId, createdMs, seq, record }
 *   request_keys/{author:requestId}        { postId, campaignId }
 *   photo_checks/{traceId}                 { postId, createdMs, record }   (an image check's verdict finds its photo)
 *   latest_figures/{campaign:unit}         { campaignId, unitId, lastDay, figures: [{metricId, value, day}] }
 *   daily_figures/{campaign:unit:day}      { campaignId, unitId, day, figures: [{metricId, value}], state }
 *   data_versions/{campaignId}             { campaignId, version, campaign, posts }
 *   settings/{key}                         { value }
 */
export const collections = {
  campaigns: 'campaigns',
  tracks: 'tracks',
  metrics: 'metrics',
  units: 'units',
  targets: 'targets',
  users: 'users',
  openids: 'openids',
  accounts: 'accounts',
  sessions: 'sessions',
  invites: 'invites',
  notifications: 'notifications',
  notificationKeys: 'notification_keys',
  inboxes: 'inboxes',
  posts: 'posts',
  requestKeys: 'request_keys',
  photoChecks: 'photo_checks',
  latestFigures: 'latest_figures',
  dailyFigures: 'daily_figures',
  dataVersions: 'data_versions',
  settings: 'settings',
} as const;

export type CollectionName = (typeof collections)[keyof typeof collections];

/** The setting that names the current campaign. */
export const CURRENT_CAMPAIGN = 'currentCampaign';

/** Each part is escaped, so that `a:b` + `c` and `a` + `b:c` never give the same id. */
export function docId(...parts: string[]): string {
  return parts.map((p) => encodeURIComponent(p)).join(':');
}
