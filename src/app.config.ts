// The app's pages, tab bar (晒 · 榜 · 我), the unit subpackage that carries the charts, the tasks subpackage,
// the reviews subpackage and 学.
export default defineAppConfig({
  pages: [
    'pages/feed/index',
    'pages/board/index',
    'pages/me/index',
    'pages/post/index',
    'pages/join/index',
    'pages/messages/index',
  ],
  subPackages: [
    // The unit page, the comparison and the division's score chart: every chart of the units.
    {
      root: 'packages/unit',
      pages: ['pages/detail/index', 'pages/compare/index', 'pages/division/index'],
    },
    // 挂图作战, 难题销号 and 拆槛除障 (its bar chart), opened from 榜 and 我.
    {
      root: 'packages/tasks',
      pages: [
        'pages/board/index',
        'pages/task/index',
        'pages/problem/index',
        'pages/blockers/index',
        'pages/problems/index',
      ],
    },
    // 月度通报, 约谈, 书面说明 and 考核扣分台账, opened from 我, a 通报 card in 晒 and messages.
    {
      root: 'packages/reviews',
      pages: [
        'pages/months/index',
        'pages/review/index',
        'pages/interviews/index',
        'pages/explanations/index',
        'pages/ledger/index',
      ],
    },
    // 学: 经验做法 and 各组前三, opened from the top of 晒 and 榜.
    { root: 'packages/learn', pages: ['pages/learn/index'] },
  ],
  // The board is where people open units from: fetch the chart package while they read it.
  preloadRule: { 'pages/board/index': { network: 'all', packages: ['packages/unit'] } },
  window: {
    // 'default' is WeChat's own bar; on H5 it makes Taro draw a bar with the title and a back button.
    navigationStyle: 'default',
    navigationBarTitleText: '比学赶超 微擂台',
    // Colours follow the system's light or dark mode: names from theme.json (src/styles/_tokens.scss
    // holds the same colours for the pages; on H5, app.scss colours the bars).
    navigationBarBackgroundColor: '@navBgColor',
    navigationBarTextStyle: '@navTxtStyle',
    backgroundColor: '@bgColor',
    backgroundTextStyle: '@bgTxtStyle',
  },
  tabBar: {
    color: '@tabColor',
    selectedColor: '@tabSelectedColor',
    backgroundColor: '@tabBgColor',
    // WeChat takes a theme.json name here too; Taro's type knows only the two colours.
    borderStyle: '@tabBorderStyle' as 'black',
    list: [
      {
        pagePath: 'pages/feed/index',
        text: '晒',
        iconPath: 'assets/tab/feed.png',
        selectedIconPath: 'assets/tab/feed-on.png',
      },
      {
        pagePath: 'pages/board/index',
        text: '榜',
        iconPath: 'assets/tab/board.png',
        selectedIconPath: 'assets/tab/board-on.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-on.png',
      },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  // Follow WeChat's dark mode; Taro copies theme.json into the build.
  darkmode: true,
  themeLocation: 'theme.json',
});
