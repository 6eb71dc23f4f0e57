export default definePageConfig({
  // Lets PageFont's page-meta follow WeChat's font size setting.
  enablePageMeta: true,
  navigationBarTitleText: '单位详情',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  // 转发 and 朋友圈: a card with the unit's rank and score (useShare).
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
