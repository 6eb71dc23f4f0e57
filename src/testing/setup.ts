// Every ui test starts with empty storage and real timers.
import { cleanup } from '@testing-library/react';

afterEach(() => {
  cleanup();
  localStorage.clear();
  jest.useRealTimers();
});
