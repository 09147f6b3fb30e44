/** Creating and editing an article: fields, Markdown with a live preview, publish/archive, files, versions. */
import {
  Badge,
  Button,
  Grid,
  Group,
  Select,
  Stack,
  Table,
  Tabs,
  Textarea,
  TextInput,
  Typography,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadingLines, QueryView } from '../../ui/QueryView.tsx';
import { type Article, type KbLanguage, type KbVisibility, kbApi } from './api.ts';
import { Files } from './Files.tsx';
import { useKnowledgeT } from './i18n.ts';

interface Draft {
  title: string;
  body: string;
  language: KbLanguage;
  category: string;
  tags: string;
  phrasings: string;
  visibility: KbVisibility;
  note: string;
}

const EMPTY: Draft = {
  title: '',
  body: '',
  language: 'es',
  category: '',
  tags: '',
  phrasings: '',
  visibility: 'public',
  note: '',
};
const fromArticle = (a: Article): Draft => ({
  title: a.title,
  body: a.body,
  language: a.language,
  category: a.category,
  tags: a.tags.join(', '),
  phrasings: a.phrasings.join('\n'),
  visibility: a.visibility,
  note: '',
});

export function ArticleEditorPage() {
  const { id } = useParams();
  const [searchParams] = useSearchParams();
  const query = useQuery({
    queryKey: ['knowledge', 'article', id],
    queryFn: () => kbApi.get(id!),
    enabled: Boolean(id),
  });
  if (!id) return <Editor translationOf={searchParams.get('translationOf')} />;
  return <QueryView query={query}>{(data) => <Editor article={data.article} />}</QueryView>;
}

/** The other language, which a translation is written in. */
const otherLanguage = (l: KbLanguage): KbLanguage => (l === 'es' ? 'en' : 'es');

function Editor({ article, translationOf }: { article?: Article; translationOf?: string | null }) {
  const t = useKnowledgeT();
  const navigate = useNavigate();
  const client = useQueryClient();
  const original = useQuery({
    queryKey: ['knowledge', 'article', translationOf],
    queryFn: () => kbApi.get(translationOf!),
    enabled: Boolean(translationOf),
  });
  const [draft, setDraft] = useState<Draft>(article ? fromArticle(article) : EMPTY);
  const from = original.data?.article;
  useEffect(() => {
    // A translation starts in the other language, with the original's category, tags and visibility.
    if (from)
      setDraft((d) => ({
        ...d,
        language: otherLanguage(from.language),
        category: from.category,
        tags: from.tags.join(', '),
        visibility: from.visibility,
      }));
  }, [from]);
  useEffect(() => {
    if (article) setDraft(fromArticle(article));
  }, [article]);
  const [body] = useDebouncedValue(draft.body, 400);
  const preview = useQuery({ queryKey: ['knowledge', 'preview', body], queryFn: () => kbApi.preview(body) });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const payload = () => ({
    title: draft.title,
    body: draft.body,
    category: draft.category,
    tags: draft.tags
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    phrasings: draft.phrasings
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    visibility: draft.visibility,
  });
  const refresh = (a: Article) => {
    void client.invalidateQueries({ queryKey: ['knowledge'] });
    if (!article) navigate(`/knowledge/articles/${a.id}`);
  };
  const save = useMutation({
    mutationFn: () =>
      article
        ? kbApi.update(article.id, { ...payload(), ...(draft.note ? { note: draft.note } : {}) })
        : kbApi.create({
            ...payload(),
            language: draft.language,
            ...(translationOf ? { translationOf } : {}),
          }),
    onSuccess: refresh,
  });
  const status = useMutation({
    mutationFn: (action: 'publish' | 'archive' | 'unpublish') => kbApi.setStatus(article!.id, action),
    onSuccess: refresh,
  });
  return (
    <>
      <PageHeader
        title={article ? article.title : from ? t('translationOf', { title: from.title }) : t('actions.new')}
        actions={
          <>
            {article && <Badge size="lg">{t(`status.${article.status}`)}</Badge>}
            <Button variant="default" onClick={() => navigate('/knowledge')}>
              {t('actions.back')}
            </Button>
            {article && article.status !== 'published' && (
              <Button color="green" loading={status.isPending} onClick={() => status.mutate('publish')}>
                {t('actions.publish')}
              </Button>
            )}
            {article?.status === 'published' && (
              <Button
                variant="light"
                color="orange"
                loading={status.isPending}
                onClick={() => status.mutate('archive')}
              >
                {t('actions.archive')}
              </Button>
            )}
            {article && (
              <Button
                variant="default"
                data-testid="translate"
                onClick={() => navigate(`/knowledge/new?translationOf=${article.id}`)}
              >
                {t('actions.translate', { language: t(`languages.${otherLanguage(article.language)}`) })}
              </Button>
            )}
            <Button loading={save.isPending} onClick={() => save.mutate()} data-testid="save">
              {t('actions.save')}
            </Button>
          </>
        }
      />
      {(save.error || status.error) && <ErrorAlert error={(save.error ?? status.error)!} />}
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack>
            <TextInput
              label={t('fields.title')}
              value={draft.title}
              onChange={(e) => set('title', e.currentTarget.value)}
              required
            />
            <Group grow>
              <Select
                label={t('fields.language')}
                value={draft.language}
                disabled={Boolean(article)}
                onChange={(v) => set('language', (v ?? 'es') as KbLanguage)}
                data={[
                  { value: 'es', label: 'Español' },
                  { value: 'en', label: 'English' },
                ]}
              />
              <Select
                label={t('fields.visibility')}
                value={draft.visibility}
                onChange={(v) => set('visibility', (v ?? 'public') as KbVisibility)}
                data={(['public', 'agents', 'partners'] as const).map((v) => ({
                  value: v,
                  label: t(`visibility.${v}`),
                }))}
              />
            </Group>
            <TextInput
              label={t('fields.category')}
              value={draft.category}
              onChange={(e) => set('category', e.currentTarget.value)}
            />
            <TextInput
              label={t('fields.tags')}
              value={draft.tags}
              onChange={(e) => set('tags', e.currentTarget.value)}
            />
            <Textarea
              label={t('fields.body')}
              autosize
              minRows={10}
              value={draft.body}
              onChange={(e) => set('body', e.currentTarget.value)}
            />
            <Textarea
              label={t('fields.phrasings')}
              autosize
              minRows={3}
              value={draft.phrasings}
              onChange={(e) => set('phrasings', e.currentTarget.value)}
            />
            {article && (
              <TextInput
                label={t('fields.note')}
                value={draft.note}
                onChange={(e) => set('note', e.currentTarget.value)}
              />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Tabs defaultValue="preview">
            <Tabs.List>
              <Tabs.Tab value="preview">{t('fields.preview')}</Tabs.Tab>
              {article && <Tabs.Tab value="files">{t('files.tab')}</Tabs.Tab>}
              {article && <Tabs.Tab value="versions">{t('fields.versions')}</Tabs.Tab>}
            </Tabs.List>
            <Tabs.Panel value="preview" pt="md" data-testid="preview">
              <h2>{draft.title}</h2>
              {preview.isPending ? (
                <LoadingLines />
              ) : preview.isError ? (
                <ErrorAlert error={preview.error} />
              ) : (
                <Typography>
                  {/* The server sanitised this HTML (sanitize-html allow-list). */}
                  {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server */}
                  <div dangerouslySetInnerHTML={{ __html: preview.data.html }} />
                </Typography>
              )}
            </Tabs.Panel>
            {article && (
              <Tabs.Panel value="files" pt="md">
                <Files articleId={article.id} />
              </Tabs.Panel>
            )}
            {article && (
              <Tabs.Panel value="versions" pt="md">
                <Versions id={article.id} />
              </Tabs.Panel>
            )}
          </Tabs>
        </Grid.Col>
      </Grid>
    </>
  );
}

function Versions({ id }: { id: string }) {
  const t = useKnowledgeT();
  const client = useQueryClient();
  const versions = useQuery({ queryKey: ['knowledge', 'versions', id], queryFn: () => kbApi.versions(id) });
  const restore = useMutation({
    mutationFn: (version: number) => kbApi.restore(id, version),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['knowledge'] }),
  });
  return (
    <QueryView query={versions}>
      {(data) => (
        <Table>
          <Table.Tbody>
            {data.items.map((v, i) => (
              <Table.Tr key={v.version}>
                <Table.Td>{t('fields.version', { version: v.version })}</Table.Td>
                <Table.Td>{new Date(v.changedAt).toLocaleString()}</Table.Td>
                <Table.Td>{v.note}</Table.Td>
                <Table.Td>
                  {i > 0 && (
                    <Button size="xs" variant="subtle" onClick={() => restore.mutate(v.version)}>
                      {t('actions.restore')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </QueryView>
  );
}
