import * as contract from '../../core/contract';
import { lightNames, roleNames, roles } from './names';

describe('the words the first screen draws without the contract', () => {
  it('are the contract’s own: every role in its order, every role name and light name', () => {
    expect(roles).toEqual(contract.roles);
    expect(roleNames).toEqual(contract.roleNames);
    expect(lightNames).toEqual(contract.lightNames);
  });
});
