/**
 * The demo's fixed names and calendar, in a module that imports nothing of the demo: the builders read
 * them and also feed one another (the campaign's monthly figures are tuned on its own posts) without an
 * import cycle.
 */
export const demoCampaignId = 'c-sanbai-demo';
/** Days before "today" the demo campaign started: today is day 41. */
export const demoDaysElapsed = 40;
export const demoLengthDays = 100;

/** The one city the demo seeds. */
export const demoCity = { id: 'yongkang', name: '永康市' } as const;
