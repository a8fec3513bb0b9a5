import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Actor } from '../auth/session.ts';
import type { StoredFile } from '../contract/index.ts';
import { appendAudit, lastSubmittedAt } from '../db/repositories/audit.ts';
import {
  deleteFileRow,
  evidenceUsage,
  findFile,
  insertFile,
  knownFileIds,
  markFileDeleted,
} from '../db/repositories/files.ts';
import type { FileRow } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { assessmentFor } from './access.ts';
import { ACCEPTED_EXTENSIONS, cleanName, detectFileType } from './file-types.ts';
import { ensureAllowed } from './lifecycle.ts';

const dirOf = (deps: Deps, assessment: string) => join(deps.config.dataDir, 'files', assessment);

/** An upload that may proceed: the caller may edit the draft and it has room. */
export interface UploadTicket {
  assessment: string;
  name: string;
  actor: Actor;
}

async function ensureRoom(deps: Deps, id: string, adding: number): Promise<void> {
  const used = await evidenceUsage(deps.db.kysely, id);
  const maxFiles = deps.config.EVIDENCE_MAX_FILES;
  const maxBytes = deps.config.EVIDENCE_MAX_BYTES;
  if (used.files + 1 > maxFiles || used.bytes + adding > maxBytes)
    throw new DomainError('evidence_quota', { maxFiles, maxBytes, ...used });
}

/**
 * Everything that can refuse an upload before its body is read: who may
 * edit the draft, the name, and the quota (with the declared length).
 */
export async function beginUpload(
  deps: Deps,
  actor: Actor,
  id: string,
  rawName: string,
  declaredLength: number | null,
): Promise<UploadTicket> {
  const { row, relation } = await assessmentFor(deps.db.kysely, actor, id);
  ensureAllowed('edit', row.status, relation);
  const name = cleanName(rawName);
  if (!name || /^\.+$/.test(name)) throw new DomainError('missing_file_name');
  if (declaredLength === 0) throw new DomainError('empty_file');
  await ensureRoom(deps, id, declaredLength ?? 0);
  return { assessment: id, name, actor };
}

/** Writes all of `chunk`: a write may be short (nearly full disk), so loop until done. */
async function writeAll(fh: import('node:fs/promises').FileHandle, chunk: Uint8Array) {
  let off = 0;
  while (off < chunk.length) {
    const { bytesWritten } = await fh.write(chunk, off, chunk.length - off);
    if (bytesWritten <= 0) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
    off += bytesWritten;
  }
}

/**
 * Stores an evidence file for a draft (uploading is editing). The body
 * streams to a staging file under a generated name, every write completed,
 * its size checked against what was received and its type read from the
 * content; then the evidence store keeps it and records its row
 * (db/evidence-store.ts: on disk fsync + rename, on PostgreSQL one
 * transaction) — so a crash leaves at worst bytes without a row, never a
 * row without its bytes. On any failure (a full disk: 507) the staging file
 * is removed.
 */
export async function storeFile(
  deps: Deps,
  t: UploadTicket,
  body: ReadableStream<Uint8Array> | null,
): Promise<StoredFile> {
  const fileId = randomUUID();
  const dir = dirOf(deps, t.assessment);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${fileId}.part`);
  const hash = createHash('sha256');
  let size = 0;
  try {
    const fh = await open(tmp, 'w');
    try {
      const reader = body?.getReader();
      for (;;) {
        const next = reader ? await reader.read() : { done: true as const };
        if (next.done) break;
        const chunk = next.value;
        size += chunk.length;
        if (size > deps.config.FILE_LIMIT)
          throw new DomainError('file_too_large', { limit: deps.config.FILE_LIMIT });
        hash.update(chunk);
        await writeAll(fh, chunk);
      }
      const written = (await fh.stat()).size;
      if (written !== size)
        throw new Error(`upload ${fileId}: ${written} bytes on disk, ${size} received`);
    } finally {
      await fh.close();
    }
    if (size === 0) throw new DomainError('empty_file');
    const type = await detectFileType(t.name, tmp);
    if (!type) throw new DomainError('unsupported_file_type', { accepted: ACCEPTED_EXTENSIONS });
    await ensureRoom(deps, t.assessment, size);
    const row: FileRow = {
      id: fileId,
      assessment_id: t.assessment,
      name: t.name,
      type,
      size,
      sha256: hash.digest('hex'),
      uploaded_by: t.actor.id,
      uploaded_at: deps.now().toISOString(),
      deleted_at: null,
      deleted_by: null,
    };
    await deps.evidence.keep(tmp, row, (db) => insertFile(db, row));
    return {
      id: fileId,
      name: row.name,
      type,
      size,
      sha256: row.sha256,
      uploadedAt: row.uploaded_at,
    };
  } finally {
    // Gone already when the disk store renamed it; the PostgreSQL store copied it.
    await rm(tmp, { force: true }).catch(() => {});
  }
}

/** A stored file's bytes, streamed, for whoever may read its assessment. */
export async function readStoredFile(
  deps: Deps,
  actor: Actor,
  id: string,
  fileId: string,
): Promise<{ meta: FileRow; body: ReadableStream<Uint8Array> }> {
  await assessmentFor(deps.db.kysely, actor, id);
  const f = await findFile(deps.db.kysely, id, fileId);
  if (!f) throw new DomainError('not_found', { what: 'file' });
  return { meta: f, body: await deps.evidence.open(f) };
}

/**
 * Deletes an evidence file from a draft, in the audit log. If the draft was
 * submitted before (a returned and reopened round) and the file is older
 * than that submission, the sealed round may cite it: the row and bytes stay,
 * hidden from the draft. Otherwise both go and the bytes are freed.
 */
export async function deleteFile(
  deps: Deps,
  actor: Actor,
  id: string,
  fileId: string,
): Promise<void> {
  const db = deps.db.kysely;
  const { row, relation } = await assessmentFor(db, actor, id);
  ensureAllowed('edit', row.status, relation);
  const f = await findFile(db, id, fileId);
  if (!f) throw new DomainError('not_found', { what: 'file' });
  const citing = Object.entries(row.answers)
    .filter(([, v]) => citedFiles(v).includes(fileId))
    .map(([item]) => item);
  if (citing.length > 0) throw new DomainError('file_in_use', { items: citing });
  const submitted = await lastSubmittedAt(db, id);
  const keep = submitted !== null && f.uploaded_at <= submitted;
  const now = deps.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await appendAudit(trx, {
      assessment: id,
      actor: actor.id,
      action: 'file_deleted',
      detail: { file: f.id, name: f.name, size: f.size, sha256: f.sha256, kept: keep },
      at: new Date(now),
    });
    if (keep) await markFileDeleted(trx, f.id, actor.id, now);
    else await deleteFileRow(trx, f.id);
  });
  // After the commit: a crash in between leaves an orphan file, never a row without one.
  if (!keep) await deps.evidence.release(f);
}

/**
 * Removes uploads left half-staged (`.<id>.part`) by a crash or a full
 * disk. Only those untouched for `idleMs`: another process sharing the data
 * directory may be writing one right now.
 */
export function removePartialUploads(dataDir: string, now: Date, idleMs = 60_000): number {
  const root = join(dataDir, 'files');
  let removed = 0;
  let dirs: string[] = [];
  try {
    dirs = readdirSync(root);
  } catch {
    return 0;
  }
  for (const d of dirs) {
    let names: string[] = [];
    try {
      names = readdirSync(join(root, d));
    } catch {
      continue;
    }
    for (const n of names) {
      if (!n.startsWith('.') || !n.endsWith('.part')) continue;
      const p = join(root, d, n);
      try {
        if (statSync(p).mtimeMs <= now.getTime() - idleMs) {
          rmSync(p, { force: true });
          removed++;
        }
      } catch {
        // gone meanwhile
      }
    }
  }
  return removed;
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
