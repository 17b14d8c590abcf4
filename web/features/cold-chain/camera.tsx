import { Alert, Button, Card } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The browser's barcode reader (Chrome on Android, Safari 17+ behind a flag): QR codes from the camera, no library. */
interface BarcodeReader {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type BarcodeReaderClass = new (options: { formats: string[] }) => BarcodeReader;
const readerClass = (): BarcodeReaderClass | undefined =>
  (globalThis as unknown as { BarcodeDetector?: BarcodeReaderClass }).BarcodeDetector;

/** Whether this browser can read QR codes from the camera. */
export const canReadBarcodes = () => readerClass() !== undefined && typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices);

/** Reads QR codes from the back camera until one is found (or the person stops). */
export function Camera({ onCode, onStop }: { onCode: (code: string) => void; onStop: () => void }) {
  const { t } = useTranslation('cold-chain');
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const Reader = readerClass();
    if (!Reader) return;
    let stream: MediaStream | undefined;
    let timer: number | undefined;
    let stopped = false;
    const reader = new Reader({ formats: ['qr_code'] });
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (media) => {
        stream = media;
        if (!video.current || stopped) return;
        video.current.srcObject = media;
        await video.current.play();
        const look = async () => {
          if (stopped || !video.current) return;
          const found = await reader.detect(video.current).catch(() => []);
          if (found[0]?.rawValue) onCode(found[0].rawValue);
          else timer = window.setTimeout(look, 300);
        };
        await look();
      })
      .catch(() => setFailed(true));
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [onCode]);
  return (
    <Card size="small">
      {failed ? <Alert type="warning" title={t('scan.cameraFailed')} /> : null}
      <video ref={video} muted playsInline style={{ width: '100%', maxHeight: 320, background: '#000' }} />
      <Button onClick={onStop} style={{ marginTop: 8 }}>
        {t('scan.stopCamera')}
      </Button>
    </Card>
  );
}
