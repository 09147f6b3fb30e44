/**
 * An article's files in the editor: upload (images, PDF, plain text up to 5 MB), open, remove, and copy
 * the Markdown that shows an image or links a document from the help center.
 */
import { Anchor, Button, CopyButton, FileButton, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { useSession } from '../auth/session.tsx';
import { type Attachment, kbApi } from './api.ts';
import { useKnowledgeT } from './i18n.ts';

/** The types the server accepts (it reads them from the bytes; this only narrows the file picker). */
const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain';

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(1)} MB`;

export function Files({ articleId }: { articleId: string }) {
  const t = useKnowledgeT();
  const { workspace } = useSession();
  const client = useQueryClient();
  const key = ['knowledge', 'attachments', articleId];
  const files = useQuery({ queryKey: key, queryFn: () => kbApi.attachments(articleId) });
  const refresh = () => void client.invalidateQueries({ queryKey: key });
  const upload = useMutation({
    mutationFn: (file: File) => kbApi.attach(articleId, file),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: (id: string) => kbApi.detach(articleId, id), onSuccess: refresh });
  const markdown = (f: Attachment) => {
    const url = `/help/${encodeURIComponent(workspace.slug)}/files/${f.id}`;
    return f.contentType.startsWith('image/') ? `![${f.fileName}](${url})` : `[${f.fileName}](${url})`;
  };
  return (
    <Stack>
      <Group>
        <FileButton onChange={(file) => file && upload.mutate(file)} accept={ACCEPT}>
          {(props) => (
            <Button {...props} loading={upload.isPending} data-testid="attach">
              {t('files.upload')}
            </Button>
          )}
        </FileButton>
        <Text size="sm" c="dimmed">
          {t('files.hint')}
        </Text>
      </Group>
      {upload.isError && <ErrorAlert error={upload.error} />}
      {remove.isError && <ErrorAlert error={remove.error} />}
      <QueryView query={files}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t('files.empty')}</Text>
          ) : (
            <Table>
              <Table.Tbody>
                {data.items.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>
                      <Anchor href={f.url} target="_blank" rel="noreferrer">
                        {f.fileName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{size(f.size)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end">
                        <CopyButton value={markdown(f)}>
                          {({ copied, copy }) => (
                            <Button size="xs" variant="subtle" onClick={copy}>
                              {copied ? t('files.copied') : t('files.copyMarkdown')}
                            </Button>
                          )}
                        </CopyButton>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          loading={remove.isPending && remove.variables === f.id}
                          onClick={() => remove.mutate(f.id)}
                        >
                          {t('files.remove')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryView>
    </Stack>
  );
}
