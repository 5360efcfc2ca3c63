import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { ProblemDetails } from '@/types/api';
import { ApiError, NetworkError } from './api-client';
import { i18n } from './i18n';

/**
 * The problem's `code` in the shopper's language (with its `params`; an order status is translated
 * too), or undefined for a code this client does not know.
 */
export function problemText(problem: ProblemDetails, t: TFunction): string | undefined {
  if (!problem.code) return undefined;
  const params: Record<string, string | number> = { ...problem.params };
  if (typeof params.status === 'string') params.status = t(`orderStatus.${params.status}`, { defaultValue: params.status });
  const text = t(`problems.${problem.code}`, { ...params, defaultValue: '' });
  return text || undefined;
}

/** A sentence for the shopper: the translated code first, then the API's `detail`, then something we know by status. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof NetworkError) return t('errors.network');
  if (error instanceof ApiError) {
    if (error.status === 429) {
      return error.retryAfter !== undefined
        ? t('errors.tooManyRequestsRetry', { count: error.retryAfter })
        : t('errors.tooManyRequests');
    }
    const translated = problemText(error.problem, t);
    if (translated) return translated;
    if (error.problem.detail) return error.problem.detail;
    if (error.status === 403) return t('errors.forbidden');
    if (error.status === 404) return t('errors.notFound');
    if (error.status >= 500) return t('errors.server');
    if (error.problem.title) return error.problem.title;
  }
  return t('errors.unknown');
}

// ASP.NET may name fields "ShippingAddress.Phone" or "shippingAddress.phone"; forms use camelCase.
function toNamePath(key: string): string[] {
  return key
    .replace(/^\$\./, '')
    .split('.')
    .filter(Boolean)
    .map((part) => part.charAt(0).toLowerCase() + part.slice(1));
}

const sameName = (a: readonly (string | number)[], b: readonly string[]) =>
  a.length === b.length && a.every((part, i) => String(part) === b[i]);

/**
 * Puts the problem's `errors` onto the form fields whose names match and returns the messages
 * that matched no field, so the caller can show them (with `detail`) above the form.
 */
export function applyProblemToForm(
  form: FormInstance,
  error: unknown,
  fieldNames: readonly (string | readonly (string | number)[])[],
): string[] {
  if (!(error instanceof ApiError) || !error.problem.errors) return [];
  const known = fieldNames.map((name) => (Array.isArray(name) ? name : [name]) as readonly (string | number)[]);
  const unmatched: string[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  // A problem about one field with its own code ("auth.wrong_password") says it in the shopper's
  // language; generic validation keeps the API's per-field messages.
  const entries = Object.entries(error.problem.errors);
  const specific = entries.length === 1 && error.problem.code !== 'request.invalid' ? problemText(error.problem, i18n.t) : undefined;
  for (const [key, apiMessages] of entries) {
    const messages = specific ? [specific] : apiMessages;
    const path = toNamePath(key);
    const target = known.find((name) => sameName(name, path));
    if (target) fields.push({ name: [...target], errors: messages });
    else unmatched.push(...messages);
  }
  if (fields.length) form.setFields(fields);
  return unmatched;
}
