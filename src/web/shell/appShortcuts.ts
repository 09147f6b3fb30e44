/** The shortcuts of the app shell: `g <key>` to go to each section the user may use, `/` and `?`. */
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Binding } from './keymap.ts';
import { visibleAdminPages, visibleSections } from './nav.ts';
import { focusSearch } from './useShortcuts.ts';

export interface Shortcut extends Binding {
  description: string;
}

export function useAppShortcuts(permissions: readonly string[], showHelp: () => void): Shortcut[] {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sections = visibleSections(permissions).map((section) => ({
    keys: ['g', section.shortcut],
    description: t('shortcuts.goTo', { place: t(`nav.${section.key}`) }),
    run: () => navigate(section.path),
  }));
  const adminPages = visibleAdminPages(permissions).flatMap((page) =>
    page.shortcut
      ? [
          {
            keys: ['g', page.shortcut],
            description: t('shortcuts.goTo', { place: t(`admin.${page.key}.title`) }),
            run: () => navigate(page.path),
          },
        ]
      : [],
  );
  return [
    ...sections,
    ...adminPages,
    { keys: ['/'], description: t('shortcuts.search'), run: focusSearch },
    { keys: ['?'], description: t('shortcuts.help'), run: showHelp },
  ];
}
