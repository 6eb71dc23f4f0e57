/** Page URLs in one place, so a moved page fails in one file. */
export const routes = {
  post: '/pages/post/index',
  join: '/pages/join/index',
  messages: '/pages/messages/index',
  unit: (unitId: string): string => `/packages/unit/pages/detail/index?unitId=${encodeURIComponent(unitId)}`,
};
