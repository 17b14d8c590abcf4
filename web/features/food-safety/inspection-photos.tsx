import { Alert, Button, Flex, Select } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateItem } from './api.ts';

/** A photo waiting with the inspection: a downscaled JPEG data URL (survives a reload in the local draft and outbox). */
export interface InspectionPhoto {
  dataUrl: string;
  itemId?: number;
}

export const maxInspectionPhotos = 6;
const longSide = 1600;

/** Reads a picked image and downscales it on a canvas to at most 1600 px on the long side, as JPEG (~0.2–0.5 MB). */
async function downscale(file: File): Promise<string> {
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = Math.min(1, longSide / Math.max(image.naturalWidth, image.naturalHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/jpeg', 0.75);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Photos taken during the inspection (camera or gallery), up to 6, each optionally tied to a checklist item. */
export function InspectionPhotos({
  photos,
  items,
  onChange,
}: {
  photos: InspectionPhoto[];
  items: readonly TemplateItem[];
  onChange: (photos: InspectionPhoto[]) => void;
}) {
  const { t } = useTranslation('food-safety');
  const [problem, setProblem] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const pick = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    setProblem(undefined);
    const room = maxInspectionPhotos - photos.length;
    if (files.length > room) setProblem(t('inspect.photosTooMany', { max: maxInspectionPhotos }));
    const added: InspectionPhoto[] = [];
    for (const file of files.slice(0, Math.max(0, room))) {
      if (!['image/jpeg', 'image/png'].includes(file.type)) {
        setProblem(t('inspect.photoType'));
        continue;
      }
      try {
        added.push({ dataUrl: await downscale(file) });
      } catch {
        setProblem(t('inspect.photoType'));
      }
    }
    if (added.length) onChange([...photos, ...added]);
  };
  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={8}>
        {photos.map((photo, index) => (
          <Flex
            key={`${photo.dataUrl.length}:${photo.dataUrl.slice(-24)}`}
            vertical
            gap={4}
            style={{ width: 150 }}
            data-testid={`photo-${index}`}
          >
            <img
              src={photo.dataUrl}
              alt={t('inspect.photo', { n: index + 1 })}
              style={{ width: 150, height: 110, objectFit: 'cover', borderRadius: 4 }}
            />
            <Select
              size="small"
              allowClear
              placeholder={t('inspect.photoItem')}
              aria-label={t('inspect.photoItem')}
              value={photo.itemId}
              onChange={(itemId?: number) => onChange(photos.map((each, at) => (at === index ? { ...each, itemId } : each)))}
              options={items.map((item, position) => ({ value: item.id, label: `${position + 1}. ${item.text}` }))}
              popupMatchSelectWidth={false}
            />
            <Button size="small" danger onClick={() => onChange(photos.filter((_, at) => at !== index))}>
              {t('inspect.removePhoto')}
            </Button>
          </Flex>
        ))}
      </Flex>
      {photos.length < maxInspectionPhotos ? (
        <>
          <Button size="large" onClick={() => input.current?.click()} data-testid="add-photo" style={{ alignSelf: 'flex-start' }}>
            {t('inspect.addPhoto', { count: photos.length, max: maxInspectionPhotos })}
          </Button>
          <input
            ref={input}
            type="file"
            accept="image/jpeg,image/png"
            multiple
            onChange={(event) => void pick(event)}
            data-testid="photo-input"
            style={{ display: 'none' }}
          />
        </>
      ) : null}
      {problem ? <Alert type="warning" title={problem} /> : null}
    </Flex>
  );
}
