/** Translated names for role keys and permission strings, falling back to what the server says. */
import type { TFunction } from 'i18next';
import { BUILT_IN_ROLES, type BuiltInRole, isPermission } from '../api/types.ts';

function isBuiltInRole(key: string): key is BuiltInRole {
  return (BUILT_IN_ROLES as readonly string[]).includes(key);
}

/**
 * The name to show for a role: translated for the built-in ones, the stored name for custom roles.
 * @example roleLabel(t, 'sales_rep') // "Asesor comercial"
 */
export function roleLabel(t: TFunction, key: string, storedName?: string): string {
  return isBuiltInRole(key) ? t(`roles.${key}`) : (storedName ?? key);
}

/** The name to show for a permission; an unknown one is shown as is. */
export function permissionLabel(t: TFunction, permission: string): string {
  return isPermission(permission) ? t(`permissions.${permission}`) : permission;
}
