/** Atiende's Mantine theme: teal accents, system fonts, slightly rounder corners. */
import { createTheme, localStorageColorSchemeManager } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
});

/** The light/dark choice survives reloads, under a key of our own. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'atiende.color-scheme' });
