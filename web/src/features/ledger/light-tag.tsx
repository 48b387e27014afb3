import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Light } from '../../api/ledger.ts';

const COLORS: Record<Light, string> = { red: 'red', yellow: 'gold', green: 'green' };

/** A project's light (computed by the server, never typed). */
export function LightTag({ light }: { light: Light | null }) {
  const { t } = useTranslation();
  if (!light) return <Tag>{t('ledger.noLight')}</Tag>;
  return <Tag color={COLORS[light]}>{t(`ledger.lights.${light}`)}</Tag>;
}
