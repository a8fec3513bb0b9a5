/** The uploaded files an evidence answer cites, for the reviewer to open. */
export function evidenceFiles(v: unknown): { id: string; name: string }[] {
  if (v === null || typeof v !== 'object' || !('files' in v)) return [];
  const files = v.files;
  return Array.isArray(files)
    ? files.filter(
        (f): f is { id: string; name: string } =>
          typeof f?.id === 'string' && typeof f?.name === 'string',
      )
    : [];
}
