export default definePageConfig({
  // Lets PageFont's page-meta follow WeChat's font size setting.
  enablePageMeta: true,
  navigationBarTitleText: '考核扣分台账',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
