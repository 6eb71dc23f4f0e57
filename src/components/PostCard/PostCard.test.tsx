import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import PostCard from '.';
import { arena, makePost } from '../../testing/fixtures';

const now = Date.parse('2025-02-10T02:03:00.000Z');

describe('post card', () => {
  it('shows the unit, the author and how long ago it was posted', () => {
    render(<PostCard post={makePost()} arena={arena} now={now} />);
    expect(screen.getByText('东城街道')).toBeTruthy();
    expect(screen.getByText(/陈晓燕 · 3 分钟前/)).toBeTruthy();
  });

  it('shows markup in the text literally and never as elements', () => {
    const { container } = render(
      <PostCard post={makePost({ text: '<script>alert(1)</script><b>粗体</b>' })} arena={arena} now={now} />,
    );
    expect(screen.getByText('<script>alert(1)</script><b>粗体</b>')).toBeTruthy();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('draws each figure as previous → new against the target, with its light in words', () => {
    // 5 of 10 on day 41 of 100: completion 50%, pace 0.5 / 0.41 ≥ 1 → 正常.
    render(<PostCard post={makePost()} arena={arena} now={now} />);
    expect(screen.getByText('完成投资')).toBeTruthy();
    expect(screen.getByText('4 → 5 亿元')).toBeTruthy();
    expect(screen.getByText(/目标 10 亿元 · 完成 50% · 序时 41%/)).toBeTruthy();
    expect(screen.getByText('正常')).toBeTruthy();
  });

  it('marks a figure behind 序时 as 滞后 and a first report as such', () => {
    // 1 of 10 on day 41: pace 0.1 / 0.41 < 0.8.
    render(
      <PostCard
        post={makePost({ figures: [{ metricId: 'm-invest', value: 1, previous: null }] })}
        arena={arena}
        now={now}
      />,
    );
    expect(screen.getByText('首次填报 1 亿元')).toBeTruthy();
    expect(screen.getByText('滞后')).toBeTruthy();
  });

  it('says 完成 once the target is reached, and rates are not measured against 序时', () => {
    render(
      <PostCard
        post={makePost({ figures: [{ metricId: 'm-rate', value: 100, previous: 90 }] })}
        arena={arena}
        now={now}
      />,
    );
    expect(screen.getByText('完成')).toBeTruthy();
    expect(screen.getByText('目标 100% · 完成 100%')).toBeTruthy();
  });

  it('opens a photo full size with the others to swipe through', () => {
    const preview = jest.spyOn(Taro, 'previewImage').mockResolvedValue({ errMsg: 'previewImage:ok' });
    const photos = ['/files/a.jpg', '/files/b.jpg'];
    const { container } = render(<PostCard post={makePost({ photos })} arena={arena} now={now} />);
    const imgs = container.querySelectorAll('.post__photo');
    expect(imgs).toHaveLength(2);
    fireEvent.click(imgs[1]!);
    expect(preview).toHaveBeenCalledWith({ current: '/files/b.jpg', urls: photos });
  });

  it('shows a photo the image check hid as a grey tile that says so, and leaves it out of the preview', () => {
    const preview = jest.spyOn(Taro, 'previewImage').mockResolvedValue({ errMsg: 'previewImage:ok' });
    const post = makePost({ photos: ['/files/a.jpg', '', '/files/c.jpg'], hiddenPhotos: [1] });
    const { container } = render(<PostCard post={post} arena={arena} now={now} />);
    const tiles = container.querySelectorAll('.post__photo--tile');
    expect(tiles).toHaveLength(1);
    expect(tiles[0]?.textContent).toBe('图片审核中/未通过');
    const imgs = container.querySelectorAll('.post__photo:not(.post__photo--tile)');
    expect(imgs).toHaveLength(2);
    expect([...imgs].map((i) => i.getAttribute('src'))).toEqual(['/files/a.jpg', '/files/c.jpg']);
    fireEvent.click(imgs[1]!);
    expect(preview).toHaveBeenCalledWith({ current: '/files/c.jpg', urls: ['/files/a.jpg', '/files/c.jpg'] });
  });

  it('turns a photo that cannot be loaded into a grey tile instead of a broken image', () => {
    const { container } = render(
      <PostCard post={makePost({ photos: ['/files/gone.jpg'] })} arena={arena} now={now} />,
    );
    fireEvent.error(container.querySelector('.post__photo')!);
    expect(container.querySelector('.post__photo--tile')?.textContent).toBe('图片无法加载');
    expect(screen.getByText('图片无法加载')).toBeTruthy();
  });

  it('shows the reason when a running total was corrected downwards', () => {
    render(
      <PostCard
        post={makePost({
          correctionReason: '统计口径调整',
          figures: [{ metricId: 'm-invest', value: 3, previous: 4 }],
        })}
        arena={arena}
        now={now}
      />,
    );
    expect(screen.getByText('更正说明：统计口径调整')).toBeTruthy();
  });
});
