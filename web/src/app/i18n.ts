import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import en from '../locales/en/common.json';
import zhCN from '../locales/zh-CN/common.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'sanshe.lang';

function stored(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(v ?? '') ? (v as Language) : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/**
 * Each domain keeps its own strings next to its pages: `pages/<domain>/locales/<lang>.json` is the namespace
 * `<domain>` (`useTranslation('calls')`). Keys a domain does not define fall back to `common`.
 */
const DOMAIN_LOCALES = import.meta.glob<{ default: Record<string, unknown> }>('../pages/*/locales/*.json', { eager: true });
const resources: Record<Language, Record<string, Record<string, unknown>>> = { 'zh-CN': { common: zhCN }, en: { common: en } };
for (const [file, mod] of Object.entries(DOMAIN_LOCALES)) {
  const m = /\/pages\/([^/]+)\/locales\/([^/]+)\.json$/.exec(file);
  if (!m || !(LANGUAGES as readonly string[]).includes(m[2])) continue;
  resources[m[2] as Language][m[1]] = mod.default;
}

void i18n.use(initReactI18next).init({
  resources,
  lng: stored(),
  fallbackLng: false,
  defaultNS: 'common',
  ns: Object.keys(resources['zh-CN']),
  fallbackNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
  // A missing key is a bug: report it on the console, which the browser tests treat as a failure.
  saveMissing: true,
  missingKeyHandler: (lngs, ns, key) => console.error(`[i18n] missing key "${ns}:${key}" for ${lngs.join(',')}`),
});

/** The person's choice, kept across visits (a preference, not a secret). */
export function setLanguage(lang: Language): void {
  void i18n.changeLanguage(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  dayjs.locale(lng === 'en' ? 'en' : 'zh-cn');
});
document.documentElement.lang = i18n.language;
dayjs.locale(i18n.language === 'en' ? 'en' : 'zh-cn');

export default i18n;
