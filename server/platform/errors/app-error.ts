import type { Bilingual } from '../i18n/language.ts';

export interface FieldError {
  /** Where the bad value is: body, query, params, or a row of an imported file. */
  in: string;
  /** Dotted path of the field, e.g. `licences.0.number`. */
  field: string;
  code: string;
  message: Bilingual;
  params?: Record<string, unknown>;
}

export interface ErrorDefinition {
  readonly code: string;
  readonly status: number;
  readonly message: Bilingual;
}

/** An expected failure with a stable code, an HTTP status and a message in both languages. */
export class AppError extends Error {
  constructor(
    readonly definition: ErrorDefinition,
    readonly params: Record<string, unknown> = {},
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(definition.code);
  }

  get code(): string {
    return this.definition.code;
  }

  get status(): number {
    return this.definition.status;
  }
}

export type ErrorFactory = ErrorDefinition & ((params?: Record<string, unknown>, fieldErrors?: FieldError[]) => AppError);

/** Declares a module's error once: `export const entityNotFound = defineError('registry.not_found', 404, {...})`. */
export function defineError(code: string, status: number, message: Bilingual): ErrorFactory {
  const definition: ErrorDefinition = { code, status, message };
  const factory = (params?: Record<string, unknown>, fieldErrors?: FieldError[]) => new AppError(definition, params, fieldErrors);
  return Object.assign(factory, definition);
}

export function isAppError(error: unknown, factory?: ErrorDefinition): error is AppError {
  return error instanceof AppError && (!factory || error.code === factory.code);
}
