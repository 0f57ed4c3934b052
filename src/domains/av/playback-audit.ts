// INT-1: a playback is one audit event per viewing, not one per Range request. Pure: what a media
// request serves and whether it runs under a viewing → the read it records, if any.
import type { RangeResult } from './byte-range.js';

export type MediaRequest = {
  /** What the request serves (parsed Range against the file's size). */
  served: RangeResult;
  /** It names a viewing of this record, opened by this user, not yet expired. */
  underViewing: boolean;
  /** The original rather than the browser-playable copy. */
  original: boolean;
};

/**
 * Under a viewing nothing more is recorded (the viewing's opening was the `av.played`). Without
 * one (an API client, a copied link) each request that starts at the first byte is a new read:
 * a Range from 0 is a playback, the whole original without Range is a download; a Range starting
 * later continues a read already recorded; a refused range serves nothing.
 */
export function mediaReadAction(r: MediaRequest): 'av.played' | 'av.downloaded' | null {
  if (r.underViewing || r.served.kind === 'unsatisfiable') return null;
  if (r.served.kind === 'partial') return r.served.start === 0 ? 'av.played' : null;
  return r.original ? 'av.downloaded' : 'av.played';
}
