export default definePageConfig({
  // Lets PageFont's page-meta follow WeChat's font size setting.
  enablePageMeta: true,
  navigationBarTitleText: '月度通报',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
