/** A webhook body that is not what its registry sends: answered 400, never judged. */
export class PayloadError extends Error {
  override readonly name = 'PayloadError';
}
