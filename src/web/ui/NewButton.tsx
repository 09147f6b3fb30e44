/** A list page's "new …" button, also pressed with the N key; its tooltip says so. */
import { Button } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Icon } from './icons.tsx';

export function NewButton({
  label,
  onClick,
  testId,
  hint,
  disabled = false,
}: {
  label: string;
  onClick: () => void;
  testId: string;
  /** The tooltip; by default "Shortcut: N". */
  hint?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  useHotkeys([['n', () => !disabled && onClick()]]);
  return (
    <Button
      leftSection={<Icon name="plus" size={16} />}
      onClick={onClick}
      disabled={disabled}
      title={hint ?? t('common.newShortcut')}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}
