/**
 * The Store's collections on the cloud database, one per kind of record, and how document ids are made.
 * Records with a natural key get that key as their `_id`, so that the post transaction can reach every
 * document it needs with `doc(id)` (a transaction allows nothing else).
 *
 * Document shapes (`record` holds the port's record unchanged; the other fields are for queries; `_v` is
 * the schema version, read through ./schema.ts: a document without it was written before cities, v1):
 *   cities/{cityId}                        { _v, order, record }   (`order`: first-saved order)
 *   campaigns/{campaignId}                 { _v, cityId, record }   (record: the Campaign)
 *   tracks|metrics|units/{campaign:id}     { campaignId, order, record }
 *   targets/{campaign:unit:metric}         { campaignId, order, record }   (record: the Target, its `monthly`
 *                                          months included when it has them)
 *   users/{userId}                         { _v, cityId, isDemo, record }
 *   openids/{openid}, accounts/{account}   { userId }   (unique keys: a bind or sign-up claims one)
 *   sessions/{token}                       { userId, expiresAt, record }
 *   invites/{code}                         { _v, expiresAt, usedBy, record }
 *   notifications/{notificationId}         { _v, userId, createdMs, seq, unread, record }
 *   notification_keys/{dedupeKey}          { id, userId }   (a reminder is stored at most once)
 *   inboxes/{userId}                       { seq }   (orders a user's notifications made in one ms)
 *   posts/{postId}                         { campaignId, unitId, createdMs, seq, record }   (`seq`: the µs written)
 *   request_keys/{author:requestId}        { postId, campaignId, hash }
 *   photo_checks/{traceId}                 { postId, createdMs, record }   (an image check's verdict finds its photo)
 *   daily_figures/{campaign:unit:#k}       { campaignId, unitId, k, day, last, figures, state, postId }   (a unit's
 *                                          k-th figure snapshot, written once: ./figure-docs.ts)
 *   data_versions/{campaignId}             { campaignId, version, campaign, posts, currentOf, epoch, figureDocs,
 *                                            heads: { u_<unit>: { k, last } } }   (./versions.ts, ./warm.ts)
 *   figure_closes/{campaign:day:part}      { campaignId, day, part, parts, metrics, units, values }   (./standings.ts)
 *   tasks/{campaign:taskId}                { _v, campaignId, record }
 *   task_notes/{author:requestId}          { _v, campaignId, taskId, record }   (the request key is the id: a note is added once)
 *   problems/{campaign:problemId}          { _v, campaignId, keys, record }   (`keys`: each event's `byId:requestId`, in order)
 *   problem_events/{campaign:problem:by:requestId}  { _v, campaignId, problemId, seq, record }   (`seq`: 1 for the raise, then each step's)
 *   problem_keys/{raiser:requestId}        { _v, campaignId, problemId }   (a problem is raised once per request)
 *   reviews/{campaign:period:version}      { _v, campaignId, period, version, head, tables }   (a published 通报:
 *                                          `head` the ReviewHead, `tables` its metrics, divisions and excluded;
 *                                          the id is the version, so a taken one is refused by the insert: ./reviews.ts)
 *   review_keys/{campaign:publisher:requestId}  { _v, campaignId, period, version }   (a 通报 is published once per request)
 *   interviews/{campaign:interviewId}      { _v, campaignId, period, keys, record }   (`keys`: each step's `byId:requestId`)
 *   explanations/{campaign:explanationId}  { _v, campaignId, keys, record }   (`keys`: as interviews')
 *   explanation_events/{campaign:explanation:by:requestId}  { _v, campaignId, explanationId, seq, record }
 *   ledger/{entryId}                       { _v, campaignId, record }   (written once, never updated)
 *   likes/{campaign:post:user}             { _v, campaignId, postId, userId, at }   (a like is this document:
 *                                          set or removed, with the post's count, in one transaction: ./social.ts)
 *   comments/{campaign:author:requestId}   { _v, campaignId, postId, record }   (the request key is the id: a
 *                                          comment is added once; record: the CommentRecord, ./comments.ts)
 *   post_reactions/{campaign:post}         { _v, campaignId, postId, likes, comments, marked, markedAt,
 *                                            trackIds, exemplar }   (a post's counts and its 经验做法 mark,
 *                                          the ExemplarRecord or null; `marked`, `markedAt` and `trackIds` list
 *                                          the marks: ./exemplars.ts, ./reactions.ts)
 *   settings/{key}                         { value }
 *
 * Version 1 (before cities) differed only in: no `_v`; campaigns { record }; users { isDemo, record }
 * without `cityId`; invites' and notifications' records without `cityId` (and `campaignId`); no cities,
 * the one current campaign being `settings/currentCampaign`. Tasks, notes and problems, and later the
 * reviews' and the reactions' collections, were added at version 2 (./task-docs.ts): they have no version 1.
 *
 * Figures before snapshots (a version document without `figureDocs: 2`; read alongside, ./figure-docs.ts;
 * turned into snapshots by `upgradeDocuments`, ./setup.ts): one latest document per unit, rewritten by
 * each post, and one daily document per unit and day; posts' `seq` was the campaign's post count.
 *   latest_figures/{campaign:unit}         { campaignId, unitId, lastDay, figures: [{metricId, value, day}] }
 *   daily_figures/{campaign:unit:day}      { campaignId, unitId, day, figures: [{metricId, value}], state }
 */
export const collections = {
  cities: 'cities',
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
  figureCloses: 'figure_closes',
  tasks: 'tasks',
  taskNotes: 'task_notes',
  problems: 'problems',
  problemEvents: 'problem_events',
  problemKeys: 'problem_keys',
  reviews: 'reviews',
  reviewKeys: 'review_keys',
  interviews: 'interviews',
  explanations: 'explanations',
  explanationEvents: 'explanation_events',
  ledger: 'ledger',
  likes: 'likes',
  comments: 'comments',
  postReactions: 'post_reactions',
  settings: 'settings',
} as const;

export type CollectionName = (typeof collections)[keyof typeof collections];

/**
 * Version 1's setting that named the one current campaign: read while an environment is not upgraded
 * (it becomes the default city's), removed by `upgradeDocuments` (./setup.ts).
 */
export const CURRENT_CAMPAIGN = 'currentCampaign';

/** The setting that counts cities saved, giving each its `order`. */
export const CITY_ORDER = 'cityOrder';

/** Each part is escaped, so that `a:b` + `c` and `a` + `b:c` never give the same id. */
export function docId(...parts: string[]): string {
  return parts.map((p) => encodeURIComponent(p)).join(':');
}
