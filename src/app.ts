// The app shell: platform set-up once at start (WeChat cloud init), global styles; pages render as children.
// First: on old phones the libraries below need what it adds (polyfills.weapp.ts).
import './polyfills';
import type { PropsWithChildren } from 'react';
import { initPlatform } from './api/platform';
import { showShellWhileOpening } from './components/Skeleton/opening';
import { startFeedEarly } from './hooks/feedEarly';
import { afterFirstScreen } from './lib/first-screen';
import { watchOpeningPicture } from './lib/opening-picture';
import { startUnreadBadge } from './pages/messages/unread';
import './app.scss';

initPlatform();
// Browser, opening on the feed with nothing kept: its requests go out now, not once its page is up.
startFeedEarly();
// Browser: the feed's opening picture (put up by index.html) goes when the person goes to another page.
watchOpeningPicture();
// The unread count on the 我 tab, kept current while the app runs; asked for once the first page has
// its data, so that on a slow network it does not go ahead of the feed.
void afterFirstScreen().then(startUnreadBadge);
// Browser: the unit page's and 拆槛除障's code (with the chart) may take seconds on a slow network; show its shell meanwhile.
showShellWhileOpening([
  { path: '/packages/unit/pages/detail/index', selector: '.udetail', hint: '正在打开单位…' },
  { path: '/packages/tasks/pages/blockers/index', selector: '.bk', hint: '正在打开拆槛除障…' },
]);

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
