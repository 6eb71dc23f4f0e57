/**
 * WeChat: text follows the user's WeChat font size. page-meta's root-font-size="system" makes 1rem that
 * size, the page's base is 1rem (index.weapp.scss) and all our text sizes are in em. The page needs
 * `enablePageMeta: true` in its config; the title is repeated because Taro's page-meta template always
 * carries a navigation-bar.
 */
import { NavigationBar, PageMeta } from '@tarojs/components';
import './index.weapp.scss';

export default function PageFont({ title }: { title: string }) {
  return (
    <PageMeta rootFontSize="system">
      <NavigationBar title={title} />
    </PageMeta>
  );
}
