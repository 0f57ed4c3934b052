import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

// ffprobe and ffmpeg come from npm packages that ship the binaries. Where they are absent the
// product still works: media facts stay empty and the original plays as it is (AV-6).
const run = promisify(execFile);
const require = createRequire(import.meta.url);

function binary(pkg: string): string | null {
  try {
    return (require(pkg) as { path: string }).path;
  } catch {
    return null;
  }
}

// Paths from the validated configuration (LIUHEN_FFPROBE, LIUHEN_FFMPEG), set once at start.
let configured: { ffprobe?: string; ffmpeg?: string } = {};
export function useMediaTools(paths: { ffprobe?: string; ffmpeg?: string }) {
  configured = paths;
}

export const ffprobePath = () => configured.ffprobe ?? binary('@ffprobe-installer/ffprobe');
export const ffmpegPath = () => configured.ffmpeg ?? binary('@ffmpeg-installer/ffmpeg');

export type MediaFacts = {
  durationSeconds: number | null;
  container: string | null;
  videoCodec: string | null;
  audioCodec: string | null;
  width: number | null;
  height: number | null;
  creationTime: string | null;
};

type Probe = { format?: { duration?: string; format_name?: string; tags?: Record<string, string> }; streams?: Array<{ codec_type?: string; codec_name?: string; width?: number; height?: number; tags?: Record<string, string> }> };

/** Facts read from the file itself (AV-1): duration, codecs, size in pixels, creation time. */
export async function probeMedia(path: string): Promise<MediaFacts | null> {
  const ffprobe = ffprobePath();
  if (!ffprobe) return null;
  const { stdout } = await run(ffprobe, ['-v', 'quiet', '-print_format', 'json', '-show_format', '-show_streams', path], { maxBuffer: 8 * 1024 * 1024 });
  return factsFromProbe(JSON.parse(stdout) as Probe);
}

export function factsFromProbe(p: Probe): MediaFacts {
  const video = p.streams?.find((s) => s.codec_type === 'video');
  const audio = p.streams?.find((s) => s.codec_type === 'audio');
  const duration = Number(p.format?.duration);
  return {
    durationSeconds: Number.isFinite(duration) ? duration : null,
    container: p.format?.format_name ?? null,
    videoCodec: video?.codec_name ?? null,
    audioCodec: audio?.codec_name ?? null,
    width: video?.width ?? null,
    height: video?.height ?? null,
    creationTime: p.format?.tags?.creation_time ?? video?.tags?.creation_time ?? null,
  };
}

/** Browsers play H.264/VP8/VP9/AV1 video in MP4 or WebM; anything else needs a playable copy. */
export function needsPlayableCopy(f: MediaFacts): boolean {
  if (!f.videoCodec) return false;
  const playableCodec = ['h264', 'vp8', 'vp9', 'av1'].includes(f.videoCodec);
  const playableContainer = /mp4|mov|webm|matroska/.test(f.container ?? '');
  return !(playableCodec && playableContainer);
}

/** A JPEG still: a photo's thumbnail (320 px wide) or a video's poster frame at 1 s. */
export async function still(input: string, output: string, kind: 'photo' | 'video') {
  const ffmpeg = ffmpegPath();
  if (!ffmpeg) return false;
  const seek = kind === 'video' ? ['-ss', '1'] : [];
  await run(ffmpeg, ['-hide_banner', '-loglevel', 'error', ...seek, '-i', input, '-frames:v', '1', '-vf', 'scale=320:-2', '-y', output]);
  return true;
}

/** A browser-playable H.264/AAC MP4 copy of a recording the browser cannot play. */
export async function playableCopy(input: string, output: string) {
  const ffmpeg = ffmpegPath();
  if (!ffmpeg) return false;
  await run(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-i', input, '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-movflags', '+faststart', '-y', output], { maxBuffer: 1024 * 1024 });
  return true;
}
