// The C2SP tlog-checkpoint body (https://c2sp.org/tlog-checkpoint): origin, tree size, base64
// root, each on its own line. Signed as a note, it is what a witness or Go's tlog checks.

export const checkpointBody = (origin: string, size: number, root: Buffer) => `${origin}\n${size}\n${root.toString('base64')}\n`;

export function parseCheckpointBody(text: string): { origin: string; size: number; root: Buffer } | null {
  const lines = text.split('\n');
  if (lines.length < 4 || lines.at(-1) !== '') return null;
  const [origin, sizeText, rootText] = lines;
  if (!origin || !/^(0|[1-9][0-9]*)$/.test(sizeText ?? '')) return null;
  const root = Buffer.from(rootText ?? '', 'base64');
  if (root.length !== 32 || root.toString('base64') !== rootText) return null;
  return { origin, size: Number(sizeText), root };
}
