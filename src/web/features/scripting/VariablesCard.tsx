/** The designer's variables: the names questions answer, with their type and a choice's options. */
import { ActionIcon, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import type { VariableDecl, VariableType } from './api.ts';
import { useScriptingT } from './i18n.ts';

const TYPES: VariableType[] = ['text', 'number', 'boolean', 'choice'];

export function VariablesCard(p: { variables: VariableDecl[]; onChange: (v: VariableDecl[]) => void }) {
  const t = useScriptingT();
  const set = (i: number, v: VariableDecl) => p.onChange(p.variables.map((x, j) => (j === i ? v : x)));
  return (
    <Card withBorder data-testid="designer-variables">
      <Title order={4} mb="xs">
        {t('designer.variables')}
      </Title>
      {p.variables.length === 0 && (
        <Text c="dimmed" size="sm" mb="xs">
          {t('designer.noVariables')}
        </Text>
      )}
      <Stack gap="xs">
        {p.variables.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the name is what is being edited
          <Group key={i} align="flex-end" wrap="nowrap">
            <TextInput
              label={t('designer.variableName')}
              value={v.name}
              onChange={(e) => set(i, { ...v, name: e.currentTarget.value })}
              data-testid={`variable-${i}-name`}
            />
            <Select
              label={t('designer.variableType')}
              data={TYPES.map((type) => ({ value: type, label: t(`designer.varTypes.${type}`) }))}
              value={v.type}
              allowDeselect={false}
              onChange={(type) =>
                type &&
                set(
                  i,
                  type === 'choice'
                    ? { ...v, type, options: v.options ?? [] }
                    : { name: v.name, type: type as VariableType },
                )
              }
              data-testid={`variable-${i}-type`}
              w={140}
            />
            {v.type === 'choice' && (
              <TextInput
                label={t('designer.options')}
                defaultValue={(v.options ?? []).join(', ')}
                onChange={(e) =>
                  set(i, {
                    ...v,
                    options: e.currentTarget.value
                      .split(',')
                      .map((o) => o.trim())
                      .filter(Boolean),
                  })
                }
                data-testid={`variable-${i}-options`}
                style={{ flex: 1 }}
              />
            )}
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('designer.remove')}
              onClick={() => p.onChange(p.variables.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      <Button
        variant="subtle"
        size="xs"
        mt="xs"
        onClick={() => p.onChange([...p.variables, { name: '', type: 'text' }])}
        data-testid="designer-add-variable"
      >
        {t('designer.addVariable')}
      </Button>
    </Card>
  );
}
