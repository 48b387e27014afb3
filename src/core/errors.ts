/**
 * An expected failure with a stable code (ROUND_CLOSED, NOT_FOUND …) and a message users read
 * (Chinese first). One handler in the server maps codes to HTTP statuses.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
