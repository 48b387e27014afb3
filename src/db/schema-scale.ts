/** Tables of migration 0018 (issue 18: several app servers, files in the database). */

/** A file kept in the database (LEITAI_FILE_STORE=postgres): one row, its bytes in chunks. */
export interface StoredFileTable {
  folder: string;
  sha256: string;
  size: number;
  chunks: number;
  created_at: string;
}

export interface StoredFileChunkTable {
  folder: string;
  sha256: string;
  seq: number;
  data: Uint8Array;
}

export interface ScaleTables {
  stored_files: StoredFileTable;
  stored_file_chunks: StoredFileChunkTable;
}
