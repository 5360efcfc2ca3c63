import { VerifyEmailResult } from '@/features/auth/components/VerifyEmailResult';

export default function Page() {
  return <VerifyEmailResult />;
}
