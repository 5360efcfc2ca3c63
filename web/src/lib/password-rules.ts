import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

export const MIN_PASSWORD_LENGTH = 8; // the API's rule

export const passwordRules = (t: TFunction): FormRule[] => [
  { required: true, message: t('auth.passwordRequired') },
  { min: MIN_PASSWORD_LENGTH, message: t('auth.passwordTooShort', { min: MIN_PASSWORD_LENGTH }) },
  { max: 128, message: t('validation.maxLength', { max: 128 }) },
];

/** "Repeat password" must equal the field named `other`. */
export const confirmRules = (t: TFunction, other: string): FormRule[] => [
  { required: true, message: t('auth.confirmRequired') },
  ({ getFieldValue }) => ({
    validator: (_, value) =>
      !value || getFieldValue(other) === value ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordsDiffer'))),
  }),
];
