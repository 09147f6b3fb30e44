/** A searchable pick of a sample customer (name · tier), for the designer's preview and the rule test. */
import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { scriptingApi } from './api.ts';

export function CustomerPicker({
  label,
  value,
  onChange,
  enabled = true,
  testId,
}: {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  enabled?: boolean;
  testId: string;
}) {
  const [search, setSearch] = useState('');
  const customers = useQuery({
    queryKey: ['scripting', 'sample-customers', search],
    queryFn: () => scriptingApi.customers(search),
    enabled,
  });
  return (
    <Select
      label={label}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      data={(customers.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} · ${c.tier}` }))}
      value={value}
      onChange={onChange}
      error={customers.error ? customers.error.message : undefined}
      data-testid={testId}
    />
  );
}
