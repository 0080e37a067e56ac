import { z } from 'zod';
import { PayloadError } from '../payload.js';

/**
 * MLflow 3 webhook payloads (`mlflow/webhooks/types.py`): `{entity, action, timestamp, data}`,
 * where `data` depends on the event. Pure: body text in, an event out.
 */

const versionString = z.union([z.string().trim().min(1), z.number().int().nonnegative().transform(String)]);
const name = z.string().min(1);

const EnvelopeSchema = z.looseObject({
  entity: z.string().min(1),
  action: z.string().min(1),
  timestamp: z.string().optional(),
  data: z.looseObject({}),
});

const ModelVersionCreatedSchema = z.looseObject({
  name,
  version: versionString,
  source: z.string().optional(),
  run_id: z.string().nullable().optional(),
});
const ModelVersionTagSetSchema = z.looseObject({ name, version: versionString, key: z.string().min(1), value: z.string() });
const ModelVersionAliasCreatedSchema = z.looseObject({ name, alias: z.string().min(1), version: versionString });

export type MlflowEvent =
  | { kind: 'registration'; event: string; name: string; version: string }
  | { kind: 'tag'; event: string; name: string; version: string; key: string; value: string }
  | { kind: 'promotion'; event: string; name: string; version: string; alias: string }
  | { kind: 'other'; event: string };

/** Reads a delivery's body; a body that is not a valid payload of the event it names is a PayloadError. */
export function parseMlflowEvent(text: string): MlflowEvent {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PayloadError('the body is not JSON');
  }
  const envelope = EnvelopeSchema.safeParse(json);
  if (!envelope.success) throw new PayloadError(`not an MLflow webhook payload: ${describe(envelope.error, '')}`);
  const event = `${envelope.data.entity}.${envelope.data.action}`;
  const data = envelope.data.data;
  const read = <T extends z.ZodType>(schema: T): z.output<T> => {
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new PayloadError(`${event}: ${describe(parsed.error, 'data.')}`);
    return parsed.data;
  };
  switch (event) {
    case 'model_version.created': {
      const created = read(ModelVersionCreatedSchema);
      return { kind: 'registration', event, name: created.name, version: created.version };
    }
    case 'model_version_tag.set': {
      const tag = read(ModelVersionTagSetSchema);
      return { kind: 'tag', event, name: tag.name, version: tag.version, key: tag.key, value: tag.value };
    }
    case 'model_version_alias.created': {
      const alias = read(ModelVersionAliasCreatedSchema);
      return { kind: 'promotion', event, name: alias.name, version: alias.version, alias: alias.alias };
    }
    default:
      return { kind: 'other', event };
  }
}

function describe(error: z.ZodError, prefix: string): string {
  const issue = error.issues[0]!;
  const at = issue.path.length > 0 ? `${prefix}${issue.path.join('.')}: ` : '';
  return `${at}${issue.message}`;
}
