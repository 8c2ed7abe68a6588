import { GpExecutionError } from './gp-gateway.js';

/** Why the bridge refused a value before GP saw it. */
export type GpValidationReason =
  'too_long' | 'code_page' | 'bad_value' | 'missing_parameter' | 'missing_procedure' | 'required';

/**
 * A `validation` GpExecutionError with the reason attached, so the use case can tell `field_too_long` and
 * `unsupported_characters` apart from other GP rule failures without parsing messages. Additive to the port:
 * it is still a GpExecutionError of kind 'validation'.
 */
export class GpValidationError extends GpExecutionError {
  constructor(
    readonly reason: GpValidationReason,
    message: string,
    field?: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super('validation', message, [], field);
    this.name = 'GpValidationError';
  }
}
