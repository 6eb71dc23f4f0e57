// The app shell: platform set-up once at start (WeChat cloud init), global styles; pages render as children.
// First: on old phones the libraries below need what it adds (polyfills.weapp.ts).
import './polyfills';
import type { PropsWithChildren } from 'react';
import { initPlatform } from './api/platform';
import { startUnreadBadge } from './pages/messages/unread';
import './app.scss';

initPlatform();
// The unread count on the 我 tab, kept current while the app runs.
startUnreadBadge();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
