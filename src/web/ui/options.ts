/** Option lists shared by several forms. */
import { useTranslation } from 'react-i18next';
import { BUILT_IN_ROLES, type Role } from '../api/types.ts';
import { roleLabel } from './labels.ts';

export function useLanguageOptions(): { value: string; label: string }[] {
  const { t } = useTranslation();
  return [
    { value: 'es', label: t('language.es') },
    { value: 'en', label: t('language.en') },
  ];
}

/** Role choices: the workspace's roles when known, else the built-in ones. */
export function useRoleOptions(roles: Role[] | undefined): { value: string; label: string }[] {
  const { t } = useTranslation();
  const list = roles ?? BUILT_IN_ROLES.map((key) => ({ key, name: key }));
  return list.map((role) => ({ value: role.key, label: roleLabel(t, role.key, role.name) }));
}
