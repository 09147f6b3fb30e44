/** A "from" and a "to" day side by side, for report filters. */
import { TextInput } from '@mantine/core';

export interface DayRange {
  from: string;
  to: string;
}

export function DateRangeInputs<T extends DayRange>({
  value,
  onChange,
  labels,
}: {
  value: T;
  onChange: (next: T) => void;
  labels: { from: string; to: string };
}) {
  return (
    <>
      <TextInput
        type="date"
        label={labels.from}
        value={value.from}
        onChange={(e) => onChange({ ...value, from: e.currentTarget.value })}
      />
      <TextInput
        type="date"
        label={labels.to}
        value={value.to}
        onChange={(e) => onChange({ ...value, to: e.currentTarget.value })}
      />
    </>
  );
}
