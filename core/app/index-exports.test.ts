import { actionNames } from '../contract';
import * as app from './index';

describe('the core/app entry', () => {
  it('offers createArena and decideFigures to hosts and the demo seed', () => {
    expect(typeof app.createArena).toBe('function');
    expect(typeof app.decideFigures).toBe('function');
  });

  it('routes every action of the contract, and nothing else', () => {
    expect(Object.keys(app.routes).sort()).toEqual([...actionNames].sort());
  });
});
