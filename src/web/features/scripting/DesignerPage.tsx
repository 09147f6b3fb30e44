/**
 * The script designer (`/admin/scripts/new`, `/admin/scripts/:id`): the graph's variables and steps,
 * validation by the server's core with each problem shown on its step, a preview with the runner against
 * a customer, saving versions, publishing one, and the list of versions. Ctrl+S saves, Ctrl+Enter validates.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { fieldMessage } from '../../ui/errors.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadingLines } from '../../ui/QueryView.tsx';
import { type Definition, type ScriptDetail, type Step, scriptingApi } from './api.ts';
import {
  changeType,
  type DesignProblem,
  EMPTY_DEFINITION,
  fieldErrorsOf,
  freshId,
  newStep,
  problemsByStep,
  problemsOfError,
  removeStep,
  renameStep,
} from './designer-model.ts';
import { es, useScriptingT } from './i18n.ts';
import { PreviewPanel } from './PreviewPanel.tsx';
import { StepEditor } from './StepEditor.tsx';
import { VariablesCard } from './VariablesCard.tsx';

export function DesignerPage() {
  const { id, version } = useParams();
  const script = useQuery({
    queryKey: ['scripting', 'script', id, version],
    queryFn: () => scriptingApi.script(id!, version ? Number(version) : undefined),
    enabled: id !== undefined,
  });
  if (id === undefined) return <Designer key="new" script={null} />;
  if (script.isPending) return <LoadingLines />;
  if (script.isError) return <ErrorAlert error={script.error} onRetry={() => void script.refetch()} />;
  return <Designer key={`${script.data.id}:${script.data.version}`} script={script.data} />;
}

const CODES = es.designer.codes;

type Outcome = { kind: 'valid' } | { kind: 'saved' | 'published'; version: number } | null;

function Designer({ script }: { script: ScriptDetail | null }) {
  const t = useScriptingT();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [name, setName] = useState(script?.name ?? '');
  const [description, setDescription] = useState(script?.description ?? '');
  const [def, setDef] = useState<Definition>(script?.definition ?? EMPTY_DEFINITION);
  const [problems, setProblems] = useState<DesignProblem[]>([]);
  const { t: appT } = useTranslation();
  const serverProblems = (error: unknown) =>
    error instanceof ApiError
      ? problemsOfError(error, def, (m) => fieldMessage(appT, 'validation.failed', m))
      : null;
  const [outcome, setOutcome] = useState<Outcome>(null);
  const templates = useQuery({ queryKey: ['scripting', 'templates'], queryFn: scriptingApi.templates });
  const edit = (next: Definition) => {
    setDef(next);
    setOutcome(null);
  };

  /** The core's problems in the interface language, by their code; the server's words otherwise. */
  const worded = (p: DesignProblem): DesignProblem =>
    p.code in CODES
      ? { ...p, message: t(`designer.codes.${p.code as keyof typeof CODES}`, { step: p.stepId ?? '' }) }
      : p;
  const refused = (error: unknown) => {
    const found = serverProblems(error)?.map(worded) ?? null;
    if (found) setProblems(found);
    return found !== null;
  };
  const validate = useMutation({
    mutationFn: () => scriptingApi.validate(def),
    onSuccess: (r) => {
      setProblems(r.problems.map(worded));
      setOutcome(r.problems.length === 0 ? { kind: 'valid' } : null);
    },
    onError: refused,
  });
  const save = useMutation({
    mutationFn: () =>
      script
        ? scriptingApi.saveVersion(script.id, def)
        : scriptingApi.create({ name, description, definition: def }),
    onSuccess: (saved) => {
      setProblems([]);
      setOutcome({ kind: 'saved', version: saved.version });
      void client.invalidateQueries({ queryKey: ['scripting'] });
      navigate(`/admin/scripts/${saved.id}/v/${saved.version}`, { replace: script !== null });
    },
    onError: refused,
  });
  const publish = useMutation({
    mutationFn: (v: number) => scriptingApi.publish(script!.id, v),
    onSuccess: (p) => {
      setOutcome({ kind: 'published', version: p.liveVersion ?? p.version });
      void client.invalidateQueries({ queryKey: ['scripting'] });
    },
    onError: refused,
  });
  useHotkeys(
    [
      ['mod+S', () => save.mutate()],
      ['mod+Enter', () => validate.mutate()],
    ],
    [],
  );

  const byStep = problemsByStep(problems);
  const stepIds = def.steps.map((s) => s.id);
  const setStep = (index: number, step: Step) =>
    edit({ ...def, steps: def.steps.map((s, i) => (i === index ? step : s)) });
  const failure = [validate.error, save.error, publish.error].find((e) => e && !serverProblems(e));
  return (
    <>
      <PageHeader
        title={script ? t('designer.titleEdit', { name: script.name }) : t('designer.titleNew')}
        description={t('designer.shortcutsDesigner')}
        actions={
          <>
            {script && (
              <Button
                component={Link}
                to={`/admin/scripts/${script.id}/report`}
                variant="subtle"
                data-testid="designer-report"
              >
                {t('report.open')}
              </Button>
            )}
            <Button
              variant="default"
              onClick={() => validate.mutate()}
              loading={validate.isPending}
              data-testid="designer-validate"
            >
              {t('designer.validate')}
            </Button>
            <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="designer-save">
              {t('designer.save')}
            </Button>
            {script && script.liveVersion !== script.version && (
              <Button
                color="green"
                onClick={() => publish.mutate(script.version)}
                loading={publish.isPending}
                data-testid="designer-publish"
              >
                {t('designer.publish', { version: script.version })}
              </Button>
            )}
          </>
        }
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            {failure ? <ErrorAlert error={failure} /> : null}
            {outcome && (
              <Alert color="green" data-testid="designer-outcome">
                {outcome.kind === 'valid'
                  ? t('designer.valid')
                  : t(`designer.${outcome.kind}`, { version: outcome.version })}
              </Alert>
            )}
            {problems.length > 0 && (
              <Alert color="red" title={t('designer.problems')} data-testid="designer-problems">
                {[...byStep].flatMap(([stepId, messages]) =>
                  messages.map((m) => (
                    <Text key={`${stepId}:${m}`} size="sm">
                      {stepId ? `${stepId}: ` : ''}
                      {m}
                    </Text>
                  )),
                )}
              </Alert>
            )}
            <Card withBorder>
              <Stack gap="xs">
                <TextInput
                  label={t('designer.name')}
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  disabled={script !== null}
                  data-testid="designer-name"
                  error={save.error instanceof ApiError ? save.error.fieldErrors.name : undefined}
                />
                <TextInput
                  label={t('designer.description')}
                  value={description}
                  onChange={(e) => setDescription(e.currentTarget.value)}
                  disabled={script !== null}
                />
                <Select
                  label={t('designer.start')}
                  data={stepIds}
                  value={def.start || null}
                  onChange={(start) => edit({ ...def, start: start ?? '' })}
                  data-testid="designer-start"
                />
              </Stack>
            </Card>
            <VariablesCard variables={def.variables} onChange={(variables) => edit({ ...def, variables })} />
            <Title order={4}>{t('designer.steps')}</Title>
            {def.steps.map((step, index) => (
              <StepEditor
                // Index keys: a step's id is one of its editable fields.
                // biome-ignore lint/suspicious/noArrayIndexKey: ids change while typing
                key={index}
                step={step}
                index={index}
                stepIds={stepIds}
                variables={def.variables.map((v) => v.name)}
                templates={(templates.data?.items ?? []).map((x) => x.key)}
                problems={byStep.get(step.id) ?? []}
                fieldErrors={fieldErrorsOf(problems, step.id)}
                onChange={(s) => setStep(index, s)}
                onRename={(to) => edit(renameStep(def, step.id, to))}
                onType={(type) => setStep(index, changeType(step, type))}
                onRemove={() => edit(removeStep(def, step.id))}
              />
            ))}
            <Button
              variant="light"
              w="fit-content"
              data-testid="designer-add-step"
              onClick={() => {
                const end = def.steps.find((s) => s.type === 'end')?.id ?? '';
                edit({ ...def, steps: [...def.steps, newStep('say', freshId(def), end)] });
              }}
            >
              {t('designer.addStep')}
            </Button>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <PreviewPanel scriptId={script?.id ?? null} definition={def} />
            {script && <VersionsCard script={script} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function VersionsCard({ script }: { script: ScriptDetail }) {
  const t = useScriptingT();
  const navigate = useNavigate();
  return (
    <Card withBorder data-testid="script-versions">
      <Title order={4} mb="xs">
        {t('designer.versions')}
      </Title>
      {script.versions.length === 0 && <Text c="dimmed">{t('designer.noVersions')}</Text>}
      <Stack gap={4}>
        {script.versions.map((v) => (
          <Group key={v.version} justify="space-between" data-testid={`version-${v.version}`}>
            <Group gap="xs">
              <Text fw={v.version === script.version ? 700 : 400}>v{v.version}</Text>
              {v.version === script.liveVersion && <Badge color="green">{t('designer.live')}</Badge>}
              <Text size="xs" c="dimmed">
                {new Date(v.createdAt).toLocaleString()}
              </Text>
            </Group>
            {v.version !== script.version && (
              <Button
                size="xs"
                variant="subtle"
                onClick={() => navigate(`/admin/scripts/${script.id}/v/${v.version}`)}
              >
                {t('designer.open')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
