/** The first words a signed-out person reads: what the app is, who it is for, and what to do next. */
import { Text } from '@tarojs/components';
import './index.scss';

export default function AppIntro({ hint }: { hint: string }) {
  return (
    <>
      <Text className="intro__title">比学赶超 微擂台</Text>
      <Text className="intro__text">供全市参加“百日竞赛”的单位填报员、负责人、督办员和市领导使用。</Text>
      <Text className="intro__text">{hint}</Text>
    </>
  );
}
