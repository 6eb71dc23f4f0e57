// Every ui test starts with empty storage and real timers (a test that runs in node, as the WeChat
// chart adapter's does, has no storage to clear).
import { cleanup } from '@testing-library/react';

afterEach(() => {
  cleanup();
  if (typeof localStorage !== 'undefined') localStorage.clear();
  jest.useRealTimers();
});
