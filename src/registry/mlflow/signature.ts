import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * MLflow 3 webhook signatures, as `mlflow/webhooks/delivery.py` makes them: HMAC-SHA256 with
 * the webhook's secret over `<delivery id>.<timestamp>.<body>` (the body exactly as sent),
 * base64, sent as `X-MLflow-Signature: v1,<base64>` beside `X-MLflow-Delivery-Id` (a UUID)
 * and `X-MLflow-Timestamp` (Unix seconds). MLflow's own retries resend the same headers.
 */
export const SIGNATURE_HEADER = 'x-mlflow-signature';
export const DELIVERY_ID_HEADER = 'x-mlflow-delivery-id';
export const TIMESTAMP_HEADER = 'x-mlflow-timestamp';

export type SignatureCheck = { ok: true; deliveryId: string } | { ok: false; reason: string; stale?: boolean };

export interface SignedHeaders {
  signature: string | undefined;
  deliveryId: string | undefined;
  timestamp: string | undefined;
}

/** Delivery ids become idempotency keys: a UUID or a similar short token, nothing else. */
const DELIVERY_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Signs a delivery as MLflow does: for tests, the load bench and anyone checking a setup. */
export function signMlflowDelivery(secret: string, deliveryId: string, timestamp: string, body: Uint8Array | string): string {
  return `v1,${hmac(secret, deliveryId, timestamp, body).toString('base64')}`;
}

/**
 * Checks a delivery's headers and raw body against the secret, and that it was signed within
 * `toleranceSeconds` of now (either way), so a captured delivery cannot be replayed later.
 */
export function verifyMlflowDelivery(headers: SignedHeaders, body: Uint8Array, secret: string, nowSeconds: number, toleranceSeconds: number): SignatureCheck {
  const { signature, deliveryId, timestamp } = headers;
  if (!signature) return { ok: false, reason: 'the X-MLflow-Signature header is missing (create the webhook with a secret)' };
  if (!deliveryId) return { ok: false, reason: 'the X-MLflow-Delivery-Id header is missing' };
  if (!timestamp) return { ok: false, reason: 'the X-MLflow-Timestamp header is missing' };
  if (!DELIVERY_ID.test(deliveryId)) return { ok: false, reason: 'the X-MLflow-Delivery-Id header is not a delivery id' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'the X-MLflow-Timestamp header is not a Unix time in seconds' };
  const expected = hmac(secret, deliveryId, timestamp, body);
  // Several space-separated signatures are accepted, as Standard Webhooks allows during a secret rotation.
  const matches = signature
    .split(' ')
    .filter((candidate) => candidate.startsWith('v1,'))
    .some((candidate) => {
      const given = Buffer.from(candidate.slice(3), 'base64');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  if (!matches) return { ok: false, reason: 'the signature does not match the body and the webhook secret' };
  const age = nowSeconds - Number(timestamp);
  if (Math.abs(age) > toleranceSeconds) {
    const when = age > 0 ? `${age} s ago` : `${-age} s in the future`;
    return { ok: false, stale: true, reason: `the delivery was signed ${when}, outside the tolerance of ${toleranceSeconds} s (a replay, or a clock that is off)` };
  }
  return { ok: true, deliveryId };
}

function hmac(secret: string, deliveryId: string, timestamp: string, body: Uint8Array | string): Buffer {
  return createHmac('sha256', secret).update(`${deliveryId}.${timestamp}.`, 'utf8').update(body).digest();
}
