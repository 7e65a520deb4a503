import { ChangePasswordForm } from '../components/account/ChangePasswordForm';
import { DeleteAccount } from '../components/account/DeleteAccount';
import { ExportData } from '../components/account/ExportData';
import { Profile } from '../components/account/Profile';
import { PageHeader } from '../components/PageHeader';
import { Loading } from '../components/Status';
import { useMe } from '../lib/auth';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function AccountPage() {
  useDocumentTitle('Account');
  const { user } = useMe();
  if (!user) return <Loading />;
  return (
    <div className="max-w-2xl">
      <PageHeader title="Account" lead="Your profile, password and data." />
      <div className="space-y-6">
        <Profile user={user} />
        <ChangePasswordForm />
        <ExportData />
        <DeleteAccount />
      </div>
    </div>
  );
}
