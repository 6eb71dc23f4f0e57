/**
 * The compare page of the unit subpackage on the simulated phone: from the board a unit's page opens, its
 * 与其他单位对比 opens the compare page beside the phone user's own unit, and the radar of the five
 * comparisons is drawn on a canvas 2d — the two units told apart by a solid and a dashed line.
 */
import { textOf } from './data-tree';
import { PHONE_USER } from './demo';
import { demoPhoneForFile } from './demo-phone';
import type { Phone } from './phone';

let phone: Phone;
demoPhoneForFile((p) => (phone = p));

describe('compare two units on the phone', () => {
  it('opens from a unit page and draws both units on a radar on a canvas 2d', async () => {
    const board = await phone.tab('pages/board/index');
    const other = board
      .findAll({ className: 'brow' })
      .find((row) => !textOf(row).includes(PHONE_USER.unit.name))!;
    const otherName = textOf(board.find({ className: 'brow__unit', within: other }));
    board.tap(other);
    await phone.settle();
    const unit = phone.current();
    expect(unit.route).toBe('packages/unit/pages/detail/index');
    unit.tap(unit.find({ className: 'udetail__compare' }));
    await phone.settle();
    const compare = phone.current();
    expect(compare.route).toBe('packages/unit/pages/compare/index');
    await phone.waitFor(
      'the two units side by side',
      () => compare.findAll({ className: 'cmp__unit' }).length === 2,
    );
    expect(compare.findAll({ className: 'cmp__unit' }).map(textOf)).toEqual([
      otherName,
      PHONE_USER.unit.name,
    ]);
    expect(compare.findAll({ className: 'cmp__row' }).length).toBeGreaterThan(5);
    const radar = () => [...phone.canvases.entries()].find(([id]) => id.startsWith('compare-radar'))?.[1];
    await phone.waitFor('the radar', () => (radar()?.recording.ops.length ?? 0) > 0);
    await phone.settle();
    const ops = radar()!.recording.ops;
    expect(ops.some((op) => op.op === 'fillText' && op.args[0] === '比绩效')).toBe(true);
    const strokes = ops.filter((op) => op.op === 'stroke');
    expect(strokes.some((op) => op.style?.strokeStyle === '#1f56c8' && op.style.dash.length === 0)).toBe(
      true,
    );
    expect(strokes.some((op) => op.style?.strokeStyle === '#b4530b' && op.style.dash.length > 0)).toBe(true);
    expect(phone.errors).toEqual([]);
  });
});
