// The slice of wx-server-sdk the functions use, typed by the adapter's structural types (the cloud installs
// the SDK from each function's package.json; the repo has it as a dev dependency for the tests, which run
// it over the CloudBase emulation in tests/cloudbase).
declare module 'wx-server-sdk' {
  const cloud: import('../adapters/cloudbase/cloud-types').WxCloud;
  export default cloud;
}
