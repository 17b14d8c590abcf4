import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enAdmin from '../locales/en/admin.json';
import enAuth from '../locales/en/auth.json';
import enColdChain from '../locales/en/cold-chain.json';
import enComplaints from '../locales/en/complaints.json';
import enCredit from '../locales/en/credit.json';
import enEnforcement from '../locales/en/enforcement.json';
import enFigures from '../locales/en/figures.json';
import enFoodSafety from '../locales/en/food-safety.json';
import enMarkets from '../locales/en/markets.json';
import enPharmacies from '../locales/en/pharmacies.json';
import enProductQuality from '../locales/en/product-quality.json';
import enProducts from '../locales/en/products.json';
import enRandomInspections from '../locales/en/random-inspections.json';
import enRegistry from '../locales/en/registry.json';
import enRiskCode from '../locales/en/risk-code.json';
import enSampling from '../locales/en/sampling.json';
import enShell from '../locales/en/shell.json';
import enSpecialEquipment from '../locales/en/special-equipment.json';
import enWorkshops from '../locales/en/workshops.json';
import zhAdmin from '../locales/zh-CN/admin.json';
import zhAuth from '../locales/zh-CN/auth.json';
import zhColdChain from '../locales/zh-CN/cold-chain.json';
import zhComplaints from '../locales/zh-CN/complaints.json';
import zhCredit from '../locales/zh-CN/credit.json';
import zhEnforcement from '../locales/zh-CN/enforcement.json';
import zhFigures from '../locales/zh-CN/figures.json';
import zhFoodSafety from '../locales/zh-CN/food-safety.json';
import zhMarkets from '../locales/zh-CN/markets.json';
import zhPharmacies from '../locales/zh-CN/pharmacies.json';
import zhProductQuality from '../locales/zh-CN/product-quality.json';
import zhProducts from '../locales/zh-CN/products.json';
import zhRandomInspections from '../locales/zh-CN/random-inspections.json';
import zhRegistry from '../locales/zh-CN/registry.json';
import zhRiskCode from '../locales/zh-CN/risk-code.json';
import zhSampling from '../locales/zh-CN/sampling.json';
import zhShell from '../locales/zh-CN/shell.json';
import zhSpecialEquipment from '../locales/zh-CN/special-equipment.json';
import zhWorkshops from '../locales/zh-CN/workshops.json';
import { setApiLanguage } from './api-client.ts';
import type { Language } from './api-types.ts';

/** localStorage key for the chosen language: the language only, nothing about the user. */
export const languageStorageKey = 'zhijian.language';

function storedLanguage(): Language {
  try {
    return window.localStorage.getItem(languageStorageKey) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

const initialLanguage = storedLanguage();
setApiLanguage(initialLanguage);
document.documentElement.lang = initialLanguage;

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': {
      shell: zhShell,
      auth: zhAuth,
      admin: zhAdmin,
      registry: zhRegistry,
      'random-inspections': zhRandomInspections,
      sampling: zhSampling,
      complaints: zhComplaints,
      enforcement: zhEnforcement,
      'food-safety': zhFoodSafety,
      'risk-code': zhRiskCode,
      workshops: zhWorkshops,
      'special-equipment': zhSpecialEquipment,
      pharmacies: zhPharmacies,
      'cold-chain': zhColdChain,
      markets: zhMarkets,
      credit: zhCredit,
      products: zhProducts,
      'product-quality': zhProductQuality,
      figures: zhFigures,
    },
    en: {
      shell: enShell,
      auth: enAuth,
      admin: enAdmin,
      registry: enRegistry,
      'random-inspections': enRandomInspections,
      sampling: enSampling,
      complaints: enComplaints,
      enforcement: enEnforcement,
      'food-safety': enFoodSafety,
      'risk-code': enRiskCode,
      workshops: enWorkshops,
      'special-equipment': enSpecialEquipment,
      pharmacies: enPharmacies,
      'cold-chain': enColdChain,
      markets: enMarkets,
      credit: enCredit,
      products: enProducts,
      'product-quality': enProductQuality,
      figures: enFigures,
    },
  },
  lng: initialLanguage,
  fallbackLng: 'zh-CN',
  defaultNS: 'shell',
  ns: [
    'shell',
    'auth',
    'admin',
    'registry',
    'random-inspections',
    'sampling',
    'complaints',
    'enforcement',
    'food-safety',
    'risk-code',
    'workshops',
    'special-equipment',
    'pharmacies',
    'cold-chain',
    'markets',
    'credit',
    'products',
    'product-quality',
    'figures',
  ],
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

/** Switches the UI and the API's language, and remembers the choice on this device. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(languageStorageKey, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  setApiLanguage(language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export default i18n;
