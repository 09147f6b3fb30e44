import { ActionIcon, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OpeningInterval } from '../../../api/types.ts';
import { Icon } from '../../../ui/icons.tsx';
import { intervalsOf, isOrdered, nextInterval, WEEK_ORDER } from './weekly.ts';

interface Props {
  weekly: OpeningInterval[];
  onChange: (weekly: OpeningInterval[]) => void;
  /** Server messages by path, e.g. 'businessHours/weekly/3/close'. */
  errors: Record<string, string>;
}

export function WeeklyHoursEditor({ weekly, onChange, errors }: Props) {
  const { t } = useTranslation();
  const update = (index: number, change: Partial<OpeningInterval>) =>
    onChange(
      weekly.map((interval, position) => (position === index ? { ...interval, ...change } : interval)),
    );
  const remove = (index: number) => onChange(weekly.filter((_, position) => position !== index));
  const errorAt = (index: number, field: 'open' | 'close' | 'day') =>
    errors[`businessHours/weekly/${index}/${field}`] ?? errors[`businessHours/weekly/${index}`];
  return (
    <Table verticalSpacing="xs" data-testid="weekly-hours">
      <Table.Tbody>
        {WEEK_ORDER.map((day) => {
          const intervals = intervalsOf(weekly, day);
          return (
            <Table.Tr key={day}>
              <Table.Td w={130} style={{ verticalAlign: 'top' }} pt="md">
                <Text fw={500} size="sm">
                  {t(`weekdays.${day}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap="xs">
                  {intervals.length === 0 && (
                    <Text size="sm" c="dimmed" pt={6}>
                      {t('admin.workspace.closed')}
                    </Text>
                  )}
                  {intervals.map(({ interval, index }) => (
                    <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
                      <TextInput
                        type="time"
                        size="xs"
                        w={120}
                        aria-label={t('admin.workspace.opens', { day: t(`weekdays.${day}`) })}
                        value={interval.open}
                        onChange={(event) => update(index, { open: event.currentTarget.value })}
                        error={errorAt(index, 'open')}
                      />
                      <Text size="sm" pt={4}>
                        –
                      </Text>
                      <TextInput
                        type="time"
                        size="xs"
                        w={120}
                        aria-label={t('admin.workspace.closes', { day: t(`weekdays.${day}`) })}
                        value={interval.close}
                        onChange={(event) => update(index, { close: event.currentTarget.value })}
                        error={
                          errorAt(index, 'close') ??
                          (isOrdered(interval) ? undefined : t('admin.workspace.closeAfterOpen'))
                        }
                      />
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        mt={2}
                        aria-label={t('admin.workspace.removeHours')}
                        onClick={() => remove(index)}
                      >
                        <Icon name="close" size={16} />
                      </ActionIcon>
                    </Group>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td w={150} ta="right" style={{ verticalAlign: 'top' }}>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => onChange([...weekly, nextInterval(weekly, day)])}
                >
                  {t('admin.workspace.addHours')}
                </Button>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
