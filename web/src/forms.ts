import type { FormInstance } from 'antd';
import { CombinedGraphQLErrors } from '@apollo/client';

/**
 * The server's refusal of one input field (BAD_USER_INPUT with `extensions.field`, e.g. "input.deadline" or
 * "deadline"), as the name of the form field it belongs to; null when the error names no field.
 */
export function fieldErrorOf(error: unknown): { field: string; message: string } | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  for (const e of error.errors) {
    const field = e.extensions?.field;
    if (e.extensions?.code === 'BAD_USER_INPUT' && typeof field === 'string')
      return { field: field.replace(/^input\./, '').split('.')[0], message: e.message };
  }
  return null;
}

/**
 * Shows the server's refusal next to the field it names, when the form has such a field. Returns false when it does
 * not (the caller then shows the error above the form).
 */
export function showFieldError<T>(form: FormInstance<T>, error: unknown): boolean {
  const found = fieldErrorOf(error);
  if (!found) return false;
  const known = Object.prototype.hasOwnProperty.call(form.getFieldsValue(true) as object, found.field);
  if (!known) return false;
  form.setFields([{ name: found.field as never, errors: [found.message] }]);
  return true;
}
