export default definePageConfig({
  // Lets PageFont's page-meta follow WeChat's font size setting.
  enablePageMeta: true,
  navigationBarTitleText: '任务详情',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
