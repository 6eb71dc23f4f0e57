export default definePageConfig({
  // Lets PageFont's page-meta follow WeChat's font size setting.
  enablePageMeta: true,
  navigationBarTitleText: '榜单',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  // 转发 and 朋友圈: a card with the view's standing (useShare).
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
