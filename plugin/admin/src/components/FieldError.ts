// Helpers for inline field errors: the message under the field, aria-invalid on the input.
export type FieldErrors = Record<string, string>;

export function invalidProps(errors: FieldErrors, field: string): { 'aria-invalid'?: boolean } {
  return errors[field] ? { 'aria-invalid': true } : {};
}
