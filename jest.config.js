// Three projects: the platform-free code and its hosts test in node in seconds; the Taro pages test in
// jsdom with the H5 components (see TOOLCHAIN.md "Tests"); "weapp" runs the built mini-program
// (dist/weapp, the function bundles), so `npm test` selects it only after its build step.
/** @type {import('jest').Config} */
const node = {
  displayName: 'node',
  testEnvironment: 'node',
  roots: [
    '<rootDir>/core',
    '<rootDir>/adapters',
    '<rootDir>/server',
    '<rootDir>/cloud',
    '<rootDir>/tests',
    '<rootDir>/cloudfunctions',
  ],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/weapp/'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
};

/** @type {import('jest').Config} */
const weapp = {
  displayName: 'weapp',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/weapp'],
  testMatch: ['**/*.test.ts'],
  transform: node.transform,
};

// Taro 4 ships ESM only, so babel (the app's own config) transforms node_modules too, except these.
const untransformed = [
  'react',
  'react-dom',
  'scheduler',
  'jsdom',
  '@testing-library',
  'jest[^/]*',
  '@jest',
  '@babel/(?!runtime)[^/]+',
];

/** @type {import('jest').Config} */
const ui = {
  displayName: 'ui',
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.(t|j)sx?$': 'babel-jest', '^.+\\.mjs$': 'babel-jest' },
  transformIgnorePatterns: [`/node_modules/(${untransformed.join('|')})/`],
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '<rootDir>/src/testing/taro.js',
    '\\.(css|scss|sass|less)$': '<rootDir>/src/testing/style-stub.js',
    '/style/css$': '<rootDir>/src/testing/style-stub.js',
  },
  setupFilesAfterEnv: ['<rootDir>/src/testing/setup.ts'],
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_MUTATION_OBSERVER: true,
    DEPRECATED_ADAPTER_COMPONENT: false,
    __TARO_FRAMEWORK__: 'react',
  },
  testEnvironmentOptions: { customExportConditions: ['browser'] },
};

module.exports = {
  projects: [node, ui, weapp],
};
