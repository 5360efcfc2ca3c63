import { RegisterForm } from '@/features/auth/components/RegisterForm';

export default function Page() {
  return <RegisterForm />;
}
