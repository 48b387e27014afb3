/** Columns the keyed and 国密 audit chain adds (migration 0008). */
export interface AuditEventKeyColumns {
  /** `sha256`, `sm3`, `hmac-sha256` or `hmac-sm3`; null: plain SHA-256 (events before 0008). */
  hash_alg: string | null;
  /** Fingerprint of the HMAC key of a keyed event (never the key). */
  key_id: string | null;
}

export interface AuditHeadKeyColumns {
  /** HMAC of (last id, count, last hash) when the newest event is keyed. */
  mac: string | null;
}
