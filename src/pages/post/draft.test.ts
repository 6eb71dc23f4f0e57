import { clearDraft, loadDraft, restoreDraft, saveDraft } from './draft';

describe('post draft on the device', () => {
  it('comes back with the same requestId until it is sent, so a retry cannot post twice', () => {
    const first = loadDraft('u-1');
    expect(first.requestId.length).toBeGreaterThanOrEqual(8);
    saveDraft('u-1', { ...first, values: { m: '5' }, text: '进展' });
    const again = loadDraft('u-1');
    expect(again.requestId).toBe(first.requestId);
    expect(again.values).toEqual({ m: '5' });
    expect(again.text).toBe('进展');
  });

  it('starts a new post with a new requestId once the old one is cleared', () => {
    const first = loadDraft('u-2');
    saveDraft('u-2', first);
    clearDraft('u-2');
    expect(loadDraft('u-2').requestId).not.toBe(first.requestId);
  });

  it('keeps each user’s draft apart', () => {
    saveDraft('u-3', { ...loadDraft('u-3'), text: '甲' });
    expect(loadDraft('u-4').text).toBe('');
  });

  it('says a draft with something typed was restored, and an empty one was not', () => {
    expect(restoreDraft('u-5').restored).toBe(false);
    saveDraft('u-5', { ...loadDraft('u-5') });
    expect(restoreDraft('u-5').restored).toBe(false);
    saveDraft('u-5', { ...loadDraft('u-5'), values: { m: '3' } });
    expect(restoreDraft('u-5')).toMatchObject({ restored: true, draft: { values: { m: '3' } } });
  });
});
