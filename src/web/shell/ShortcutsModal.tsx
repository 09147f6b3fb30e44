/** The list of keyboard shortcuts, opened with `?`. */
import { Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Shortcut } from './appShortcuts.ts';

export function ShortcutsModal({
  opened,
  onClose,
  shortcuts,
}: {
  opened: boolean;
  onClose: () => void;
  shortcuts: Shortcut[];
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} size="md">
      <Table verticalSpacing={6} data-testid="shortcut-list">
        <Table.Tbody>
          {shortcuts.map((shortcut) => (
            <Table.Tr key={shortcut.keys.join(' ')}>
              <Table.Td w={110}>
                <Group gap={4} wrap="nowrap">
                  {shortcut.keys.map((key, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a sequence may repeat a key
                    <Kbd key={index}>{key}</Kbd>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{shortcut.description}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
