/** The shared rules' refusals as the domain errors the server throws. */
import { isRefusal } from '../../shared/amendments/lifecycle.js';
import type { Amendment, Refusal } from '../../shared/amendments/types.js';
import { errorOfRefusal } from '../domain/errors.js';

/** The amendment of a transition, or the refusal thrown as a domain error. */
export function orRefuse(value: Amendment | Refusal): Amendment {
  if (isRefusal(value)) throw errorOfRefusal(value);
  return value;
}

/** Throws a refusal (of the position rule) as a domain error. */
export function refuseIf(refusal: Refusal | null): void {
  if (refusal) throw errorOfRefusal(refusal);
}
