export default definePageConfig({
  // Lets PageFont's page-meta follow WeChat's font size setting.
  enablePageMeta: true,
  navigationBarTitleText: '拆槛除障',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
