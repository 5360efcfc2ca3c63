import { ResetPasswordForm } from '@/features/auth/components/ResetPasswordForm';

export default function Page() {
  return <ResetPasswordForm />;
}
