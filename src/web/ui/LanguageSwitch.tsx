/** ES | EN switch. `onChange` lets the caller also save the choice (to the user's profile, say). */
import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../api/types.ts';
import { applyLanguage } from '../i18n/index.ts';

export function LanguageSwitch({ onChange }: { onChange?: (language: Language) => void }) {
  const { t, i18n } = useTranslation();
  const value: Language = i18n.language === 'en' ? 'en' : 'es';
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      data-testid="language-switch"
      value={value}
      data={[
        { value: 'es', label: <span title={t('language.es')}>ES</span> },
        { value: 'en', label: <span title={t('language.en')}>EN</span> },
      ]}
      onChange={(next) => {
        const language: Language = next === 'en' ? 'en' : 'es';
        void applyLanguage(language);
        onChange?.(language);
      }}
    />
  );
}
