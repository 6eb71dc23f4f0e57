export default definePageConfig({
  // Lets PageFont's page-meta follow WeChat's font size setting.
  enablePageMeta: true,
  navigationBarTitleText: '分组得分图',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  // 转发 and 朋友圈: the chart of the same division (useShare).
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
