/** A small table of editable rows with add and remove, for the lists of the routing forms. */
import { ActionIcon, Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Icon } from '../../ui/icons.tsx';

interface Props<T> {
  label: string;
  help?: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  /** A new row for the add button. */
  blank: () => T;
  addLabel: string;
  removeLabel: string;
  error?: string | undefined;
  testId: string;
  render: (row: T, update: (change: Partial<T>) => void, index: number) => ReactNode;
}

export function RowsEditor<T extends object>(props: Props<T>) {
  const { rows, onChange } = props;
  const update = (index: number) => (change: Partial<T>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <Stack gap={6} data-testid={props.testId}>
      <div>
        <Text size="sm" fw={500}>
          {props.label}
        </Text>
        {props.help && (
          <Text size="xs" c="dimmed">
            {props.help}
          </Text>
        )}
      </div>
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no identity
        <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
          {props.render(row, update(index), index)}
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={props.removeLabel}
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
            mb={4}
          >
            <Icon name="trash" size={16} />
          </ActionIcon>
        </Group>
      ))}
      {props.error && (
        <Text size="xs" c="red" role="alert">
          {props.error}
        </Text>
      )}
      <Group>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<Icon name="plus" size={14} />}
          onClick={() => onChange([...rows, props.blank()])}
          data-testid={`${props.testId}-add`}
        >
          {props.addLabel}
        </Button>
      </Group>
    </Stack>
  );
}
