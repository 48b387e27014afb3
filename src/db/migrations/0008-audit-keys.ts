import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type.
export async function up(db: Kysely<any>): Promise<void> {
  // How each event was hashed: `sha256`, `sm3`, `hmac-sha256`, `hmac-sm3`; null for events
  // written before this column (plain SHA-256), so existing chains still verify.
  await db.schema.alterTable('audit_events').addColumn('hash_alg', 'text').execute();
  // Which key an HMAC event was keyed with (a short fingerprint, never the key).
  await db.schema.alterTable('audit_events').addColumn('key_id', 'text').execute();
  // The head's own HMAC over (last id, count, last hash) when the chain is keyed: deleting the
  // newest events and rewriting the head needs the key.
  await db.schema.alterTable('audit_head').addColumn('mac', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_head').dropColumn('mac').execute();
  await db.schema.alterTable('audit_events').dropColumn('key_id').execute();
  await db.schema.alterTable('audit_events').dropColumn('hash_alg').execute();
}
