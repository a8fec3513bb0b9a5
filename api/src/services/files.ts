import { createHash, randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Actor } from '../auth/session.ts';
import type { Deps } from '../http/context.ts';
import { Problem, problems } from '../http/problem.ts';
import { assessmentFor } from './access.ts';
import { ACCEPTED_EXTENSIONS, cleanName, detectType } from './file-types.ts';

const dirOf = (deps: Deps, assessment: string) => join(deps.config.dataDir, 'files', assessment);

/**
 * Stores an evidence file for a draft: written under a generated name,
 * flushed to disk and renamed into place before its row exists, so a crash
 * leaves at worst an orphan file, never a row pointing at nothing.
 */
export async function storeFile(
  deps: Deps,
  actor: Actor,
  id: string,
  rawName: string,
  bytes: Uint8Array,
) {
  const row = await assessmentFor(deps.db.kysely, actor, id);
  if (actor.role !== 'respondent') throw problems.forbidden('只有填报机构的用户可以上传证据。');
  if (row.status !== 'draft')
    throw problems.conflict('not-editable', '当前状态下不能修改', '评估已提交，不能再上传证据。', {
      assessmentStatus: row.status,
    });
  const name = cleanName(rawName);
  if (!name || /^\.+$/.test(name))
    throw problems.badRequest('请提供文件名（查询参数 name）。', [
      { path: 'name', message: '文件名为空' },
    ]);
  if (bytes.length === 0)
    throw problems.unprocessable('文件是空的。', [{ path: 'body', message: '文件没有内容' }]);
  const type = await detectType(name, bytes);
  if (!type)
    throw new Problem(
      415,
      'unsupported-file-type',
      '不支持的文件类型',
      `只接受 ${ACCEPTED_EXTENSIONS.join('、')} 文件，且内容须与扩展名一致。`,
    );
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
    await deps.db.kysely
      .insertInto('files')
      .values({
        id: fileId,
        assessment_id: id,
        name,
        type,
        size: bytes.length,
        sha256,
        uploaded_by: actor.id,
        uploaded_at: now,
      })
      .execute();
  } catch (err) {
    rmSync(join(dir, fileId), { force: true });
    throw err;
  }
  return { id: fileId, name, type, size: bytes.length, sha256, uploadedAt: now };
}

/** A stored file's bytes, for whoever may read its assessment. */
export async function readStoredFile(deps: Deps, actor: Actor, id: string, fileId: string) {
  await assessmentFor(deps.db.kysely, actor, id);
  const f = await deps.db.kysely
    .selectFrom('files')
    .selectAll()
    .where('id', '=', fileId)
    .where('assessment_id', '=', id)
    .executeTakeFirst();
  if (!f) throw problems.notFound('该文件');
  return { meta: f, bytes: await readFile(join(dirOf(deps, id), f.id)) };
}

/** File ids that answers refer to but that were never uploaded to this assessment. */
export async function unknownFileRefs(deps: Deps, id: string, answers: Record<string, unknown>) {
  const refs: { item: string; file: string }[] = [];
  for (const [item, v] of Object.entries(answers)) {
    const files = (v as { files?: unknown } | null)?.files;
    if (!Array.isArray(files)) continue;
    for (const f of files) {
      const fid = (f as { id?: unknown } | null)?.id;
      if (typeof fid === 'string') refs.push({ item, file: fid });
    }
  }
  if (refs.length === 0) return [];
  const known = new Set(
    (
      await deps.db.kysely
        .selectFrom('files')
        .select('id')
        .where('assessment_id', '=', id)
        .where(
          'id',
          'in',
          refs.map((r) => r.file),
        )
        .execute()
    ).map((r) => r.id),
  );
  return refs.filter((r) => !known.has(r.file));
}
