/** /desk/email/:id — one e-mail conversation on a page of its own (opened from the desk or a link). */
import { Anchor } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { EmailWork } from './EmailWork.tsx';
import { useEmailT } from './i18n.ts';

export function EmailPage() {
  const t = useEmailT();
  const { id = '' } = useParams();
  return (
    <>
      <PageHeader
        title={t('page.title')}
        actions={
          <Anchor component={Link} to="/desk">
            {t('page.back')}
          </Anchor>
        }
      />
      <EmailWork interactionId={id} />
    </>
  );
}
