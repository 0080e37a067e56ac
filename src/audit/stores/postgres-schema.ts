/**
 * The PostgreSQL schema, as numbered migrations applied in order by `modelgate audit migrate`
 * and recorded in `modelgate_schema_migrations`. Applied migrations are never edited: a change
 * is a new migration, so every database can say exactly which schema it has.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const RECORDS_TABLE = 'modelgate_audit_records';
export const MIGRATIONS_TABLE = 'modelgate_schema_migrations';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'append-only audit records, chained per chain name',
    // The record's own text is what is stored (`body`, its canonical JSON); every other column
    // is generated from it, so no column can disagree with the record that was hashed. The keys
    // guard the chain even against a writer that skips the advisory lock: one record per seq,
    // each hash and id once, `prev` must name a record of the same chain and can be named only
    // once (no fork). Triggers refuse UPDATE, DELETE and TRUNCATE.
    sql: `
CREATE TABLE ${RECORDS_TABLE} (
  chain text NOT NULL,
  body text NOT NULL,
  seq bigint GENERATED ALWAYS AS (((body::jsonb) ->> 'seq')::bigint) STORED NOT NULL,
  id text GENERATED ALWAYS AS ((body::jsonb) ->> 'id') STORED NOT NULL,
  hash text GENERATED ALWAYS AS ((body::jsonb) ->> 'hash') STORED NOT NULL,
  prev text GENERATED ALWAYS AS ((body::jsonb) ->> 'prev') STORED,
  kind text GENERATED ALWAYS AS ((body::jsonb) ->> 'kind') STORED NOT NULL,
  model text GENERATED ALWAYS AS ((body::jsonb) #>> '{subject,model}') STORED,
  verdict text GENERATED ALWAYS AS ((body::jsonb) ->> 'verdict') STORED,
  time text GENERATED ALWAYS AS ((body::jsonb) ->> 'time') STORED NOT NULL,
  stored_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (chain, seq),
  UNIQUE (hash),
  UNIQUE (id),
  UNIQUE (chain, hash),
  UNIQUE (chain, prev),
  FOREIGN KEY (chain, prev) REFERENCES ${RECORDS_TABLE} (chain, hash),
  CHECK (seq >= 0),
  CHECK ((seq = 0) = (prev IS NULL))
);
CREATE INDEX ${RECORDS_TABLE}_model ON ${RECORDS_TABLE} (chain, model, seq);
CREATE FUNCTION modelgate_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'modelgate audit records are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER ${RECORDS_TABLE}_append_only BEFORE UPDATE OR DELETE ON ${RECORDS_TABLE}
  FOR EACH ROW EXECUTE FUNCTION modelgate_audit_refuse_change();
CREATE TRIGGER ${RECORDS_TABLE}_no_truncate BEFORE TRUNCATE ON ${RECORDS_TABLE}
  FOR EACH STATEMENT EXECUTE FUNCTION modelgate_audit_refuse_change();
`,
  },
];

export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((migration) => migration.version));
