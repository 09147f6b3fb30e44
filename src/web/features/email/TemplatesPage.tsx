/** Admin › E-mail templates: saved replies with variables, for every mailbox or one; add, edit, remove. */
import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { FormError } from '../../ui/FormError.tsx';
import { Icon } from '../../ui/icons.tsx';
import { NewButton } from '../../ui/NewButton.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadingLines, QueryView } from '../../ui/QueryView.tsx';
import { emailApi, emailKeys, type Template, type TemplateInput } from './api.ts';
import { useEmailT } from './i18n.ts';
import { TEMPLATE_VARIABLES } from './variables.ts';

type Editing = { template: Template | null } | null;

export function TemplatesPage() {
  const t = useEmailT();
  const templates = useQuery({ queryKey: emailKeys.templates(), queryFn: () => emailApi.templates() });
  const mailboxes = useQuery({ queryKey: emailKeys.mailboxes, queryFn: emailApi.mailboxes });
  const [editing, setEditing] = useState<Editing>(null);
  const mailboxName = (id: string | null) =>
    id ? (mailboxes.data?.find((m) => m.id === id)?.address ?? id) : t('templates.allMailboxes');

  return (
    <>
      <PageHeader
        title={t('templates.title')}
        description={t('templates.description')}
        actions={
          <NewButton
            label={t('templates.new')}
            onClick={() => setEditing({ template: null })}
            testId="template-new"
          />
        }
      />
      <QueryView
        query={templates}
        loading={<LoadingLines lines={4} />}
        isEmpty={(items) => items.length === 0}
        empty={
          <EmptyState
            testId="templates-empty"
            title={t('templates.emptyTitle')}
            text={t('templates.empty', { example: '{{customer.name}}' })}
          />
        }
      >
        {(items) => (
          <Paper withBorder radius="md">
            <Table highlightOnHover verticalSpacing="sm" data-testid="templates-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('templates.name')}</Table.Th>
                  <Table.Th>{t('templates.language')}</Table.Th>
                  <Table.Th>{t('templates.mailbox')}</Table.Th>
                  <Table.Th>{t('templates.body')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((tpl) => (
                  <Table.Tr
                    key={tpl.id}
                    onClick={() => setEditing({ template: tpl })}
                    style={{ cursor: 'pointer' }}
                  >
                    <Table.Td fw={500}>{tpl.name}</Table.Td>
                    <Table.Td>
                      <Badge variant="light">{tpl.language}</Badge>
                    </Table.Td>
                    <Table.Td>{mailboxName(tpl.mailboxId)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {tpl.body}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </QueryView>
      {editing && (
        <TemplateModal
          template={editing.template}
          mailboxes={(mailboxes.data ?? []).map((m) => ({ value: m.id, label: m.address }))}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

function TemplateModal({
  template,
  mailboxes,
  onClose,
}: {
  template: Template | null;
  mailboxes: { value: string; label: string }[];
  onClose: () => void;
}) {
  const t = useEmailT();
  const { t: appT } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState<TemplateInput>(
    template ?? { name: '', language: 'es', mailboxId: null, subject: null, body: '' },
  );
  const set = (change: Partial<TemplateInput>) => setDraft((d) => ({ ...d, ...change }));
  const done = async () => {
    await client.invalidateQueries({ queryKey: ['email', 'templates'] });
    onClose();
  };
  const save = useMutation({
    mutationFn: () =>
      emailApi.saveTemplate(template?.id ?? null, { ...draft, subject: draft.subject || null }),
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: () => emailApi.removeTemplate(template!.id), onSuccess: done });
  const fields =
    save.error && 'fieldErrors' in save.error ? (save.error.fieldErrors as Record<string, string>) : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={template ? t('templates.edit') : t('templates.new')} size="lg">
      <form onSubmit={submit} noValidate data-testid="template-form">
        <Stack gap="sm">
          <FormError
            message={save.error || remove.error ? errorMessage(appT, save.error ?? remove.error) : null}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('templates.name')}
              value={draft.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
              error={fields.name}
              required
              data-autofocus
              data-testid="template-name"
            />
            <Select
              label={t('templates.language')}
              data={(['es', 'en'] as const).map((l) => ({ value: l, label: t(`templates.languages.${l}`) }))}
              value={draft.language}
              onChange={(v) => set({ language: v === 'en' ? 'en' : 'es' })}
              allowDeselect={false}
            />
          </Group>
          <Select
            label={t('templates.mailbox')}
            data={[{ value: '', label: t('templates.allMailboxes') }, ...mailboxes]}
            value={draft.mailboxId ?? ''}
            onChange={(v) => set({ mailboxId: v || null })}
            allowDeselect={false}
          />
          <TextInput
            label={t('templates.subject')}
            value={draft.subject ?? ''}
            onChange={(e) => set({ subject: e.currentTarget.value })}
            error={fields.subject}
          />
          <Textarea
            label={t('templates.body')}
            description={t('templates.variables', { list: TEMPLATE_VARIABLES.join(', ') })}
            value={draft.body}
            onChange={(e) => set({ body: e.currentTarget.value })}
            error={fields.body}
            autosize
            minRows={5}
            required
            data-testid="template-body"
          />
          <Group justify="space-between">
            {template ? (
              <Button color="red" variant="subtle" onClick={() => remove.mutate()} loading={remove.isPending}>
                <Icon name="trash" size={14} />
              </Button>
            ) : (
              <span />
            )}
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('form.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="template-save">
                {t('form.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
