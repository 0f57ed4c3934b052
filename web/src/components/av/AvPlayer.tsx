import { Image } from 'antd';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { avApi, mediaUrls, type AvRecordDetail } from '../../api/av.js';
import { clock } from './av-labels.js';

export type PlayerHandle = { currentTime: () => number; seek: (second: number) => void };

/**
 * A viewing of the record, opened once when the player shows it (INT-1: one `av.played` per
 * viewing, not per Range request). Until it is open nothing is fetched; if opening fails the
 * media is fetched without one (the server then records each request that starts at byte 0).
 */
function useViewing(agencyId: string, recordId: string) {
  const [viewing, setViewing] = useState<{ recordId: string; id?: string } | null>(null);
  useEffect(() => {
    let live = true;
    avApi
      .openViewing(agencyId, recordId)
      .then((v) => live && setViewing({ recordId, id: v.id }))
      .catch(() => live && setViewing({ recordId }));
    return () => {
      live = false;
    };
  }, [agencyId, recordId]);
  return viewing?.recordId === recordId ? viewing : null;
}

/**
 * Plays a recording from the server with seeking (HTTP range requests, AV-6), preferring the
 * browser-playable copy where one was made; a photo opens in a zoomable viewer.
 */
export function AvPlayer({ agencyId, record, ref }: { agencyId: string; record: AvRecordDetail; ref?: Ref<PlayerHandle> }) {
  const media = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const [at, setAt] = useState(0);
  const viewing = useViewing(agencyId, record.id);
  const urls = mediaUrls(agencyId, record, viewing?.id);
  const play = viewing ? urls.play : undefined;
  useImperativeHandle(
    ref,
    () => ({
      currentTime: () => media.current?.currentTime ?? 0,
      seek: (second: number) => {
        const el = media.current;
        if (!el) return;
        el.currentTime = second;
        void el.play().catch(() => undefined);
      },
    }),
    [],
  );

  if (record.kind === 'photo') {
    return (
      <div className="av-player av-photo" data-testid="av-photo">
        <Image src={play} placeholder={urls.still ? <img src={urls.still} alt="" /> : undefined} alt={record.title ?? record.originalFileName ?? '照片'} preview={{ mask: '点击放大查看' }} />
      </div>
    );
  }
  const common = {
    ref: media,
    controls: true,
    preload: 'metadata' as const,
    onTimeUpdate: () => setAt(media.current?.currentTime ?? 0),
    onSeeked: () => setAt(media.current?.currentTime ?? 0),
  };
  return (
    <div className="av-player" data-testid="av-player">
      {record.kind === 'audio' ? (
        <audio {...common} src={play} data-testid="av-media" />
      ) : (
        <video {...common} src={play} poster={urls.still ?? undefined} playsInline data-testid="av-media">
          您的浏览器无法播放此录像，请导出证据副本后用播放器查看。
        </video>
      )}
      <div className="av-player-time muted">
        当前 <b data-testid="av-current-time">{clock(at)}</b>
        {record.mediaFacts?.durationSeconds ? <> / 时长 {clock(record.mediaFacts.durationSeconds)}</> : null}
        {record.mediaFacts?.width ? (
          <span>
            {' '}
            · {record.mediaFacts.width}×{record.mediaFacts.height}
            {record.mediaFacts.videoCodec ? ` · ${record.mediaFacts.videoCodec}` : ''}
          </span>
        ) : null}
      </div>
    </div>
  );
}
