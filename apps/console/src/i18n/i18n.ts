import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zh } from './zh';
import { DISTRICT_TIME_ZONE } from './district-time';

export const languages = [
  { code: 'zh', label: '中文' },
  { code: 'en', label: 'English' },
] as const;

// The language is a preference, not a secret: it may outlive the session, unlike the token.
const languageKey = 'gridline.console.language';
const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(languageKey);

void i18next.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: stored === 'en' ? 'en' : 'zh',
  fallbackLng: 'zh',
  interpolation: { escapeValue: false }, // React escapes; i18next escaping would double it.
  returnNull: false,
});

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  localStorage.setItem(languageKey, language);
});
document.documentElement.lang = i18next.language === 'zh' ? 'zh-CN' : 'en';

/** "2小时5分" / "2h 5m": the two largest units, enough for a wall screen. */
export function formatDuration(totalSeconds: number): string {
  const t = i18next.t.bind(i18next);
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const parts: [string, number][] = [
    ['d', Math.floor(seconds / 86400)],
    ['h', Math.floor((seconds % 86400) / 3600)],
    ['m', Math.floor((seconds % 3600) / 60)],
    ['s', seconds % 60],
  ];
  const first = parts.findIndex(([, n]) => n > 0);
  if (first < 0) return t('time.s', { n: 0 });
  const joiner = i18next.language === 'zh' ? '' : ' ';
  return parts
    .slice(first, first + 2)
    .filter(([, n]) => n > 0)
    .map(([unit, n]) => t(`time.${unit}`, { n }))
    .join(joiner);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(i18next.language === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: DISTRICT_TIME_ZONE,
    hour12: false,
  });
}

export function formatPercent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export default i18next;

/** "08:30": the wall-clock time in the district's zone. */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(i18next.language === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: DISTRICT_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}
