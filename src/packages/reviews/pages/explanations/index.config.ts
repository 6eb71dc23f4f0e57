export default definePageConfig({
  // Lets PageFont's page-meta follow WeChat's font size setting.
  enablePageMeta: true,
  navigationBarTitleText: '书面说明',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
