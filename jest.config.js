// Two projects: the platform-free code and its hosts test in node in seconds;
// the Taro pages test in jsdom with the H5 components (see TOOLCHAIN.md "Tests").
/** @type {import('jest').Config} */
const node = {
  displayName: 'node',
  testEnvironment: 'node',
  roots: ['<rootDir>/core', '<rootDir>/adapters', '<rootDir>/server', '<rootDir>/tests', '<rootDir>/cloudfunctions'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
};

module.exports = {
  projects: [node],
};
