/** The buttons at the foot of a form in a modal: cancel, and submit (busy while it saves). */
import { Button, Group } from '@mantine/core';

export function FormActions({
  cancel,
  submit,
  onCancel,
  busy,
  testId,
}: {
  cancel: string;
  submit: string;
  onCancel: () => void;
  busy: boolean;
  /** `data-testid` of the submit button. */
  testId?: string;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {cancel}
      </Button>
      <Button type="submit" loading={busy} data-testid={testId}>
        {submit}
      </Button>
    </Group>
  );
}
