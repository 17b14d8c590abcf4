import { Button, Flex } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

const width = 320;
const height = 140;

/**
 * A small drawing pad for a handwritten signature: pointer events (finger, pen or mouse), the stroke kept as a PNG
 * data URL after each stroke; `value` draws a kept signature back (a restored draft).
 */
export function SignaturePad({
  value,
  onChange,
  testId,
}: {
  value?: string;
  onChange: (dataUrl: string | undefined) => void;
  testId: string;
}) {
  const { t } = useTranslation('food-safety');
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const drawn = useRef<string | undefined>(undefined);

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context || value === drawn.current) return;
    context.clearRect(0, 0, width, height);
    drawn.current = value;
    if (!value) return;
    const image = new Image();
    image.onload = () => context.drawImage(image, 0, 0, width, height);
    image.src = value;
  }, [value]);

  const point = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - box.left) * width) / box.width, y: ((event.clientY - box.top) * height) / box.height };
  };
  const start = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const context = event.currentTarget.getContext('2d');
    if (!context) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    const { x, y } = point(event);
    context.lineWidth = 2.5;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#000';
    context.beginPath();
    context.moveTo(x, y);
  };
  const move = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const context = event.currentTarget.getContext('2d');
    const { x, y } = point(event);
    context?.lineTo(x, y);
    context?.stroke();
  };
  const end = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    const dataUrl = event.currentTarget.toDataURL('image/png');
    drawn.current = dataUrl;
    onChange(dataUrl);
  };
  const clear = () => {
    canvas.current?.getContext('2d')?.clearRect(0, 0, width, height);
    drawn.current = undefined;
    onChange(undefined);
  };

  return (
    <Flex vertical gap={4} style={{ marginBottom: 12 }}>
      <canvas
        ref={canvas}
        width={width}
        height={height}
        data-testid={testId}
        data-signed={value ? 'yes' : 'no'}
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        style={{
          width: '100%',
          maxWidth: width,
          aspectRatio: `${width} / ${height}`,
          border: '1px dashed #999',
          borderRadius: 6,
          touchAction: 'none',
          background: '#fff',
        }}
      />
      <Button size="small" onClick={clear} style={{ alignSelf: 'flex-start' }} data-testid={`${testId}-clear`}>
        {t('inspect.clearSignature')}
      </Button>
    </Flex>
  );
}
