export default definePageConfig({
  // Lets PageFont's page-meta follow WeChat's font size setting.
  enablePageMeta: true,
  navigationBarTitleText: '单位对比',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
