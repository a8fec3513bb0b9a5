import { createHash, randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Actor } from '../auth/session.ts';
import type { StoredFile } from '../contract/index.ts';
import { findFile, insertFile, knownFileIds } from '../db/repositories/files.ts';
import type { FileRow } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { assessmentFor } from './access.ts';
import { ACCEPTED_EXTENSIONS, cleanName, detectType } from './file-types.ts';
import { ensureAllowed } from './lifecycle.ts';

const dirOf = (deps: Deps, assessment: string) => join(deps.config.dataDir, 'files', assessment);

/**
 * Stores an evidence file for a draft (uploading is editing): written under
 * a generated name, flushed to disk and renamed into place before its row
 * exists, so a crash leaves at worst an orphan file, never a row pointing at
 * nothing.
 */
export async function storeFile(
  deps: Deps,
  actor: Actor,
  id: string,
  rawName: string,
  bytes: Uint8Array,
): Promise<StoredFile> {
  const { row, relation } = await assessmentFor(deps.db.kysely, actor, id);
  ensureAllowed('edit', row.status, relation);
  const name = cleanName(rawName);
  if (!name || /^\.+$/.test(name)) throw new DomainError('missing_file_name');
  if (bytes.length === 0) throw new DomainError('empty_file');
  const type = await detectType(name, bytes);
  if (!type) throw new DomainError('unsupported_file_type', { accepted: ACCEPTED_EXTENSIONS });
  const fileId = randomUUID();
  const dir = dirOf(deps, id);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${fileId}.part`);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, join(dir, fileId));
  const now = deps.now().toISOString();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    await insertFile(deps.db.kysely, {
      id: fileId,
      assessment_id: id,
      name,
      type,
      size: bytes.length,
      sha256,
      uploaded_by: actor.id,
      uploaded_at: now,
    });
  } catch (err) {
    rmSync(join(dir, fileId), { force: true });
    throw err;
  }
  return { id: fileId, name, type, size: bytes.length, sha256, uploadedAt: now };
}

/** A stored file's bytes, for whoever may read its assessment. */
export async function readStoredFile(
  deps: Deps,
  actor: Actor,
  id: string,
  fileId: string,
): Promise<{ meta: FileRow; bytes: Buffer }> {
  await assessmentFor(deps.db.kysely, actor, id);
  const f = await findFile(deps.db.kysely, id, fileId);
  if (!f) throw new DomainError('not_found', { what: 'file' });
  return { meta: f, bytes: await readFile(join(dirOf(deps, id), f.id)) };
}

/** The file ids an answer cites (evidence answers: `files: [{id, name}]`). */
function citedFiles(v: unknown): string[] {
  if (typeof v !== 'object' || v === null || !('files' in v) || !Array.isArray(v.files)) return [];
  return v.files.flatMap((f: unknown) =>
    typeof f === 'object' && f !== null && 'id' in f && typeof f.id === 'string' ? [f.id] : [],
  );
}

/** File ids that answers refer to but that were never uploaded to this assessment. */
export async function unknownFileRefs(
  deps: Deps,
  id: string,
  answers: Record<string, unknown>,
): Promise<{ item: string; file: string }[]> {
  const refs = Object.entries(answers).flatMap(([item, v]) =>
    citedFiles(v).map((file) => ({ item, file })),
  );
  if (refs.length === 0) return [];
  const known = await knownFileIds(
    deps.db.kysely,
    id,
    refs.map((r) => r.file),
  );
  return refs.filter((r) => !known.has(r.file));
}
