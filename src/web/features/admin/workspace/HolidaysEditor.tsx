import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Holiday } from '../../../api/types.ts';
import { Icon } from '../../../ui/icons.tsx';

interface Props {
  holidays: Holiday[];
  onChange: (holidays: Holiday[]) => void;
  /** Server messages by path, e.g. 'businessHours/holidays/0/date'. */
  errors: Record<string, string>;
}

export function HolidaysEditor({ holidays, onChange, errors }: Props) {
  const { t } = useTranslation();
  const update = (index: number, change: Partial<Holiday>) =>
    onChange(holidays.map((holiday, position) => (position === index ? { ...holiday, ...change } : holiday)));
  const errorAt = (index: number, field: 'date' | 'name') =>
    errors[`businessHours/holidays/${index}/${field}`] ?? errors[`businessHours/holidays/${index}`];
  return (
    <Stack gap="xs" data-testid="holidays">
      {holidays.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('admin.workspace.noHolidays')}
        </Text>
      )}
      {holidays.map((holiday, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id
        <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            type="date"
            size="xs"
            w={160}
            aria-label={t('admin.workspace.holidayDate')}
            value={holiday.date}
            onChange={(event) => update(index, { date: event.currentTarget.value })}
            error={errorAt(index, 'date')}
          />
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            maw={360}
            placeholder={t('admin.workspace.holidayName')}
            aria-label={t('admin.workspace.holidayName')}
            value={holiday.name}
            onChange={(event) => update(index, { name: event.currentTarget.value })}
            error={errorAt(index, 'name')}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            mt={2}
            aria-label={t('admin.workspace.removeHoliday')}
            onClick={() => onChange(holidays.filter((_, position) => position !== index))}
          >
            <Icon name="close" size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<Icon name="plus" size={14} />}
          onClick={() => onChange([...holidays, { date: '', name: '' }])}
        >
          {t('admin.workspace.addHoliday')}
        </Button>
      </Group>
    </Stack>
  );
}
