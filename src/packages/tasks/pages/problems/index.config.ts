export default definePageConfig({
  // Lets PageFont's page-meta follow WeChat's font size setting.
  enablePageMeta: true,
  navigationBarTitleText: '难题',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
