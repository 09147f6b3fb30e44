/** The web import: upload a CSV, map its columns, then follow the progress and read the rejected rows. */
import { Button, Card, FileInput, Group, Progress, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { NoAccessPage } from '../../shell/RequirePermission.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useCan, useSession } from '../auth/session.tsx';
import { customerKeys, customersApi, type ImportJob, uploadCsv } from './api.ts';
import { type CustomersKey, useCustomersT } from './i18n.ts';
import { translateError } from './messages.ts';

const TARGETS = [
  'ignore',
  'name',
  'kind',
  'externalId',
  'organisation',
  'email',
  'phone',
  'whatsapp',
  'telegram',
  'messenger',
  'instagram',
  'webchat',
  'language',
  'timeZone',
  'tags',
  'customerSince',
  'openDebt',
] as const;

export function ImportPage() {
  const t = useCustomersT();
  const can = useCan();
  const me = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const upload = useMutation({ mutationFn: (f: File) => uploadCsv(f, me.csrfToken), onSuccess: setJob });
  if (!can('customers.write')) return <NoAccessPage />;
  return (
    <>
      <PageHeader title={t('import.title')} description={t('import.description')} />
      <Stack gap="md" maw={960}>
        {!job && (
          <Card withBorder radius="md" padding="md">
            <Group align="flex-end">
              <FileInput
                label={t('import.file')}
                accept=".csv,text/csv"
                value={file}
                onChange={setFile}
                w={360}
                data-testid="import-file"
              />
              <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
                {t('import.upload')}
              </Button>
            </Group>
            {upload.error && (
              <Stack mt="md">
                <ErrorAlert error={translateError(t, upload.error)} />
              </Stack>
            )}
          </Card>
        )}
        {job?.status === 'uploaded' && <MappingStep job={job} onStarted={setJob} />}
        {job && job.status !== 'uploaded' && (
          <ProgressStep
            jobId={job.id}
            onAgain={() => {
              setJob(null);
              setFile(null);
            }}
          />
        )}
      </Stack>
    </>
  );
}

function MappingStep({ job, onStarted }: { job: ImportJob; onStarted: (job: ImportJob) => void }) {
  const t = useCustomersT();
  const fields = useQuery({ queryKey: customerKeys.fields, queryFn: customersApi.fields });
  const [mapping, setMapping] = useState(job.suggestedMapping);
  const start = useMutation({
    mutationFn: () => customersApi.startImport(job.id, mapping),
    onSuccess: onStarted,
  });
  const options = [
    ...TARGETS.map((target) => ({ value: target, label: t(`import.targets.${target}` as CustomersKey) })),
    ...(fields.data?.items ?? []).map((f) => ({
      value: `field:${f.key}`,
      label: t('import.field', { label: f.label }),
    })),
  ];
  return (
    <Card withBorder radius="md" padding="md" data-testid="import-mapping">
      <Text fw={500}>{t('import.mapping')}</Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t('import.mappingHelp')}
      </Text>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('import.column')}</Table.Th>
            <Table.Th>{t('import.sample')}</Table.Th>
            <Table.Th>{t('import.target')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {job.headers.map((header, i) => (
            <Table.Tr key={header}>
              <Table.Td>{header}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" lineClamp={1}>
                  {job.sample
                    .map((row) => row[i] ?? '')
                    .filter(Boolean)
                    .slice(0, 2)
                    .join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`${t('import.target')}: ${header}`}
                  data={options}
                  value={mapping[header] ?? 'ignore'}
                  allowDeselect={false}
                  onChange={(value) => setMapping((m) => ({ ...m, [header]: value ?? 'ignore' }))}
                  searchable
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {start.error && <ErrorAlert error={translateError(t, start.error)} />}
      <Group justify="flex-end" mt="md">
        <Button loading={start.isPending} onClick={() => start.mutate()} data-testid="start-import">
          {t('import.start')}
        </Button>
      </Group>
    </Card>
  );
}

/** Polls the job every second while it runs: progress is exact, since each batch commits with its counts. */
function ProgressStep({ jobId, onAgain }: { jobId: string; onAgain: () => void }) {
  const t = useCustomersT();
  const query = useQuery({
    queryKey: customerKeys.importJob(jobId),
    queryFn: () => customersApi.importJob(jobId),
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 1000 : false),
  });
  const job = query.data;
  if (!job) return query.error ? <ErrorAlert error={query.error} /> : null;
  const percent =
    job.status === 'done'
      ? 100
      : job.fileBytes > 0
        ? Math.min(100, (job.bytesRead / job.fileBytes) * 100)
        : 0;
  return (
    <Card withBorder radius="md" padding="md" data-testid="import-progress">
      <Group justify="space-between" mb="xs">
        <Text fw={500}>{t(`import.status.${job.status}` as CustomersKey)}</Text>
        <Text size="sm" c="dimmed">
          {t('import.progress', { processed: job.processed.toLocaleString() })}
        </Text>
      </Group>
      <Progress
        value={percent}
        animated={job.status === 'running'}
        color={job.status === 'failed' ? 'red' : undefined}
      />
      <Text size="sm" mt="sm">
        {t('import.summary', {
          inserted: job.inserted,
          updated: job.updated,
          unchanged: job.unchanged,
          rejected: job.rejected,
        })}
      </Text>
      {job.error && (
        <Text size="sm" c="red" mt="xs">
          {job.error}
        </Text>
      )}
      {job.rejections.length > 0 && (
        <>
          <Text fw={500} mt="md">
            {t('import.rejected')}
          </Text>
          <Table.ScrollContainer minWidth={500} mah={320}>
            <Table verticalSpacing={4} data-testid="import-rejections">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>{t('import.line')}</Table.Th>
                  <Table.Th>{t('import.reasonCol')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {job.rejections.map((r) => (
                  <Table.Tr key={`${r.line}:${r.reason}`}>
                    <Table.Td>{r.line}</Table.Td>
                    <Table.Td>{r.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {job.status !== 'running' && (
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onAgain}>
            {t('import.again')}
          </Button>
        </Group>
      )}
    </Card>
  );
}
