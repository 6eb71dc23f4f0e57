import Taro from '@tarojs/taro';
import { fireEvent, render, waitFor } from '@testing-library/react';
import PhotoGrid from './PhotoGrid';

/** Stands in for the browser's previewImage: a full-screen overlay on the body that a tap closes. */
function fakePreview() {
  return jest.spyOn(Taro, 'previewImage').mockImplementation(async () => {
    const overlay = document.createElement('div');
    overlay.className = 'preview-image';
    overlay.addEventListener('click', () => overlay.remove());
    document.body.appendChild(overlay);
    return { errMsg: 'previewImage:ok' };
  });
}

const overlay = () => document.querySelector('.preview-image');
const previewEntry = () =>
  Boolean((window.history.state as Record<string, unknown> | null)?.arenaPhotoPreview);
/** What the page's router hears: popstate listeners added without capture, as the router's is. */
let routerPops = 0;
const router = () => (routerPops += 1);
beforeEach(() => {
  routerPops = 0;
  window.addEventListener('popstate', router);
});
afterEach(() => {
  window.removeEventListener('popstate', router);
  document.querySelectorAll('.preview-image').forEach((el) => el.remove());
  jest.restoreAllMocks();
});

async function openFirst() {
  const { container } = render(<PhotoGrid photos={['/files/a.jpg', '/files/b.jpg']} />);
  fireEvent.click(container.querySelector('.post__photo')!);
  await waitFor(() => expect(overlay()).not.toBeNull());
  await waitFor(() => expect(previewEntry()).toBe(true));
}

describe('the back key with a photo open (browser)', () => {
  it('closes the photo and stays on the page: the router never sees that back', async () => {
    fakePreview();
    await openFirst();
    const url = window.location.href;
    window.history.back();
    await waitFor(() => expect(overlay()).toBeNull());
    expect(routerPops).toBe(0);
    expect(window.location.href).toBe(url);
  });

  it('a photo closed by a tap takes its history entry off, so the next back leaves normally', async () => {
    fakePreview();
    window.history.pushState({ page: 'feed' }, ''); // the page the back should return from
    await openFirst();
    fireEvent.click(overlay()!);
    await waitFor(() => expect(previewEntry()).toBe(false));
    expect(routerPops).toBe(0);
    // Now a back is the page's own again.
    window.history.back();
    await waitFor(() => expect(routerPops).toBe(1));
  });
});
