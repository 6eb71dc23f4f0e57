// The slice of wx-server-sdk the functions use. The SDK is installed in the cloud, not in this repo
// (each function's package.json pins it), so its types are declared here from the adapter's own.
declare module 'wx-server-sdk' {
  const cloud: import('../adapters/cloudbase/cloud-types').WxCloud;
  export default cloud;
}
