import { LoginForm } from '@/features/auth/components/LoginForm';

export default function Page() {
  return <LoginForm />;
}
