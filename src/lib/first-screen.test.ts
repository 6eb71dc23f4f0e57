import { afterFirstScreen, firstScreenSettled } from './first-screen';

describe('waiting for the first screen', () => {
  afterEach(() => jest.useRealTimers());

  it('goes on after a while when no page says its data has come', async () => {
    jest.useFakeTimers();
    let done = false;
    void afterFirstScreen(3000).then(() => (done = true));
    await jest.advanceTimersByTimeAsync(2900);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(200);
    expect(done).toBe(true);
  });

  it('goes on as soon as the first page says so, and at once afterwards', async () => {
    jest.useFakeTimers();
    let done = false;
    void afterFirstScreen(60_000).then(() => (done = true));
    firstScreenSettled();
    await jest.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
    await expect(afterFirstScreen(60_000)).resolves.toBeUndefined();
  });
});
