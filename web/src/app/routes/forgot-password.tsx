import { ForgotPasswordForm } from '@/features/auth/components/ForgotPasswordForm';

export default function Page() {
  return <ForgotPasswordForm />;
}
