export declare function LanguageSwitch(): import("react").JSX.Element;
