/** Admin › API tokens: tokens for integrations; a new token is shown once, then only its name. */
import { Button, EmptyState } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiTokens, queryKeys } from '../../../api/endpoints.ts';
import type { ApiToken } from '../../../api/types.ts';
import { Icon } from '../../../ui/icons.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { QueryView } from '../../../ui/QueryView.tsx';
import { CreateTokenModal } from './CreateTokenModal.tsx';
import { RevokeTokenModal } from './RevokeTokenModal.tsx';
import { TokensTable } from './TokensTable.tsx';

export function ApiTokensPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: queryKeys.apiTokens, queryFn: apiTokens.list });
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  return (
    <>
      <PageHeader
        title={t('admin.apiTokens.title')}
        description={t('admin.apiTokens.description')}
        actions={
          <Button leftSection={<Icon name="plus" size={16} />} onClick={() => setCreating(true)}>
            {t('admin.apiTokens.new')}
          </Button>
        }
      />
      <QueryView
        query={query}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState
            mt="lg"
            icon={<Icon name="apiTokens" size={28} />}
            withIndicatorBackground
            title={t('admin.apiTokens.emptyTitle')}
            description={t('admin.apiTokens.empty')}
            data-testid="tokens-empty"
          />
        }
      >
        {(data) => <TokensTable tokens={data.items} onRevoke={setRevoking} />}
      </QueryView>
      {creating && <CreateTokenModal onClose={() => setCreating(false)} />}
      {revoking && <RevokeTokenModal token={revoking} onClose={() => setRevoking(null)} />}
    </>
  );
}
