/**
 * A file's phone on the demo cloud: the test build booted for the bound demo user before the file's tests,
 * closed with its cloud after them. `use` receives the launched phone.
 */
import { startCloud, type Cloud } from './backend';
import { PHONE_OPENID, seedDemoAndBind } from './demo';
import { testBuild } from './dist';
import { bootPhone, type Phone } from './phone';

export function demoPhoneForFile(use: (phone: Phone) => void): void {
  let cloud: Cloud | undefined;
  let phone: Phone | undefined;
  beforeAll(async () => {
    const dist = testBuild();
    cloud = startCloud();
    await seedDemoAndBind(cloud.backend);
    phone = bootPhone({ dist, backend: cloud.backend, openid: PHONE_OPENID });
    await phone.launch();
    use(phone);
  }, 60_000);
  afterAll(() => {
    phone?.close();
    cloud?.dispose();
  });
}
