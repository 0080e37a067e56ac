import { describe, expect, it } from 'vitest';
import { signMlflowDelivery, verifyMlflowDelivery } from '../../src/registry/mlflow/signature.js';
import { pythonJson } from './harness.js';
import { fixture } from './stand-ins.js';

/**
 * A delivery signed by Python exactly as `mlflow/webhooks/delivery.py` signs one
 * (`json.dumps` of the payload; `hmac.new(secret, f"{delivery_id}.{timestamp}.{payload}",
 * sha256)`, base64, prefixed `v1,`), computed once with Python's hmac, hashlib and base64.
 */
const SECRET = 'your-secret-key';
const DELIVERY = '7d2b2f4e-3c1a-4b8e-9f6d-2a5c8e1b0d43';
const TIMESTAMP = '1753950452';
const BODY = pythonJson(JSON.parse(fixture('mlflow/events/model_version.created.json')));
const PYTHON_SIGNATURE = 'v1,HF+X6AO0BjVJ80iYYzTqX86Upm+ERClTtOBbzzVb70w=';

describe('MLflow webhook signatures', () => {
  const headers = { signature: PYTHON_SIGNATURE, deliveryId: DELIVERY, timestamp: TIMESTAMP };
  const at = Number(TIMESTAMP);

  it('serializes the payload as Python does', () => {
    expect(BODY.startsWith('{"entity": "model_version", "action": "created", ')).toBe(true);
  });

  it("accepts MLflow's signature over the exact body, and makes the same one", () => {
    expect(verifyMlflowDelivery(headers, Buffer.from(BODY), SECRET, at + 10, 300)).toEqual({ ok: true, deliveryId: DELIVERY });
    expect(signMlflowDelivery(SECRET, DELIVERY, TIMESTAMP, BODY)).toBe(PYTHON_SIGNATURE);
  });

  it('accepts one matching signature among several (a secret being rotated)', () => {
    expect(verifyMlflowDelivery({ ...headers, signature: `v1,AAAA ${PYTHON_SIGNATURE}` }, Buffer.from(BODY), SECRET, at, 300).ok).toBe(true);
  });

  it.each([
    ['the same JSON serialized differently', { body: JSON.stringify(JSON.parse(BODY)) }, /does not match/],
    ['another secret', { secret: 'another-secret' }, /does not match/],
    ['another delivery id', { headers: { ...headers, deliveryId: '00000000-0000-4000-8000-000000000000' } }, /does not match/],
    ['a delivery id that is no token', { headers: { ...headers, deliveryId: '../../etc' } }, /not a delivery id/],
    ['a timestamp that is no number', { headers: { ...headers, timestamp: '2025-07-31' } }, /not a Unix time/],
    ['a signature past the tolerance', { now: at + 301 }, /signed 301 s ago/],
  ])('refuses %s', (_name, change: { body?: string; secret?: string; headers?: typeof headers; now?: number }, reason) => {
    const check = verifyMlflowDelivery(change.headers ?? headers, Buffer.from(change.body ?? BODY), change.secret ?? SECRET, change.now ?? at, 300);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toMatch(reason);
  });
});
