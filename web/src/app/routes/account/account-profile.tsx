import { ChangePasswordForm } from '@/features/account/components/ChangePasswordForm';
import { DefaultAddressForm } from '@/features/account/components/DefaultAddressForm';
import { ProfileForm } from '@/features/account/components/ProfileForm';
import { useSession } from '@/lib/session';

export default function AccountProfilePage() {
  const { user } = useSession();
  if (!user) return null; // RequireAuth guarantees a user; this only narrows the type
  return (
    <div style={{ display: 'grid', gap: 16 }} data-testid="account-page">
      <ProfileForm key={`profile-${user.id}`} user={user} />
      <DefaultAddressForm key={`address-${user.id}`} user={user} />
      <ChangePasswordForm />
    </div>
  );
}
