import type ar from "../../../common/i18n/ar.json";

// Keys are typed from ar.json, the source of keys; i18n-keys.test.ts keeps en.json in step.
declare module "i18next" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof ar };
  }
}
