/**
 * The frame every page shares: text that follows WeChat's font size (PageFont; the page's config sets
 * enablePageMeta), the page box, and the sign-in gate around what only a signed-in user sees.
 */
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { User } from '../../../core/contract';
import { useSession } from '../../hooks/useSession';
import PageFont from '../PageFont';
import SignInGate from '../SignInGate';

interface Props {
  title: string;
  /** The page's own block class, beside `page`. */
  className: string;
  children: (user: User) => ReactNode;
}

export default function SignedInPage({ title, className, children }: Props) {
  const session = useSession();
  return (
    <>
      <PageFont title={title} />
      <View className={`page ${className}`}>
        <SignInGate session={session}>{children}</SignInGate>
      </View>
    </>
  );
}
