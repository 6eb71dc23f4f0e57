import Taro from '@tarojs/taro';
import { render, screen } from '@testing-library/react';
import PageSkeleton from '.';
import { SHELL_AFTER_MS, showShellWhileOpening } from './opening';

const unit = { path: '/packages/unit/pages/detail/index', selector: '.udetail', hint: '正在打开单位…' };
const move = (path: string) => Taro.eventCenter.trigger('__taroRouterChange', { toLocation: { path } });
const shell = () => document.querySelector('[data-testid="opening-shell"]');
const flush = () => Promise.resolve();

describe('PageSkeleton', () => {
  it('draws the heading card and the cards to come, and says it is loading in words', () => {
    const { container } = render(<PageSkeleton cards={4} />);
    expect(container.querySelectorAll('.skel__card')).toHaveLength(5);
    expect(screen.getByText('加载中…')).toBeTruthy();
    expect(screen.getByTestId('page-skeleton').getAttribute('aria-busy')).not.toBe('false');
  });
});

describe('the shell while a page’s code loads (browser)', () => {
  let stop: () => void = () => undefined;
  beforeEach(() => {
    jest.useFakeTimers();
    stop = showShellWhileOpening([unit]);
  });
  afterEach(() => {
    stop();
    document.body.innerHTML = '';
  });

  it('appears shortly after the tap while the unit page is not there, and goes when it arrives', async () => {
    move('/packages/unit/pages/detail/index');
    expect(shell()).toBeNull(); // not at once: a page that is quick shows no flash
    jest.advanceTimersByTime(SHELL_AFTER_MS);
    expect(shell()?.textContent).toContain('正在打开单位…');
    expect(shell()?.querySelectorAll('.skel__card').length).toBeGreaterThan(1);
    const page = document.createElement('div');
    page.className = 'page udetail';
    document.body.appendChild(page);
    await flush(); // the observer's turn
    expect(shell()).toBeNull();
  });

  it('never shows for a page that is already there, or for other pages', () => {
    const page = document.createElement('div');
    page.className = 'page udetail';
    document.body.appendChild(page);
    move('/packages/unit/pages/detail/index');
    move('/pages/board/index');
    jest.advanceTimersByTime(SHELL_AFTER_MS * 10);
    expect(shell()).toBeNull();
  });

  it('goes on the next move, e.g. back before the page came', () => {
    move('/packages/unit/pages/detail/index');
    jest.advanceTimersByTime(SHELL_AFTER_MS);
    expect(shell()).not.toBeNull();
    move('/pages/board/index');
    expect(shell()).toBeNull();
  });

  it('gives up after 30 seconds rather than cover the app for good', () => {
    move('/packages/unit/pages/detail/index');
    jest.advanceTimersByTime(SHELL_AFTER_MS);
    expect(shell()).not.toBeNull();
    jest.advanceTimersByTime(30_000);
    expect(shell()).toBeNull();
  });
});
