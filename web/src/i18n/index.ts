import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { errorCodesZhCN } from './error-codes.ts';
import { zhCN } from './zh-CN.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}

export const LANGUAGES = [
  { code: 'zh-CN', label: '简体中文' },
  { code: 'en', label: 'English' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'leitai.language';
const DEFAULT_LANGUAGE: Language = 'zh-CN';

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((language) => language.code === value);
}

// Chinese unless the user chose otherwise on this browser: the browser's own language is
// deliberately not consulted, a county office's machines are often set to English.
function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/** English is loaded when first chosen, so the first load carries Chinese only. */
async function ensureLoaded(language: Language): Promise<void> {
  if (language === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const [{ en }, { errorCodesEn, errorReasonsEn, problemCodesEn }] = await Promise.all([
      import('./en.ts'),
      import('./error-codes-en.ts'),
    ]);
    i18n.addResourceBundle('en', 'translation', {
      ...en,
      errors: { ...en.errors, ...errorCodesEn, ...errorReasonsEn },
      problemCodes: problemCodesEn,
    });
  }
}

export async function setLanguage(language: Language): Promise<void> {
  await ensureLoaded(language);
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice then lasts for this page only.
  }
  await i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  // The words of the server's codes sit beside the app's own errors (errors.<CODE>).
  resources: {
    'zh-CN': { translation: { ...zhCN, errors: { ...zhCN.errors, ...errorCodesZhCN } } },
  },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES.map((language) => language.code),
  interpolation: { escapeValue: false },
  initAsync: false,
});

// A browser that chose English before switches once the English text has arrived.
if (storedLanguage() !== DEFAULT_LANGUAGE) void setLanguage(storedLanguage());

export { i18n };
