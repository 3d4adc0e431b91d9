export declare const LANGUAGES: readonly ["de", "en"];
export type Language = (typeof LANGUAGES)[number];
/** German by default; English when chosen (remembered on this device) or asked for with ?lang=en. */
export declare function initialLanguage(): Language;
export declare function setLanguage(lang: Language): void;
export declare function initI18n(lang?: Language): import("i18next").i18n;
