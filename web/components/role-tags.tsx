import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const roleColours: Record<string, string> = {
  admin: 'red',
  leader: 'gold',
  section: 'blue',
  inspector: 'green',
  operator: 'purple',
  lab: 'cyan',
  market_manager: 'geekblue',
  expert: 'magenta',
  inspection_body: 'volcano',
  maintenance_unit: 'lime',
  market_testing_room: 'geekblue',
  market_organiser: 'geekblue',
};

export function RoleTags({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {roles.map((role) => (
        <Tag key={role} color={roleColours[role]} style={{ marginInlineEnd: 4 }}>
          {t(`roles.${role}`, { defaultValue: role })}
        </Tag>
      ))}
    </>
  );
}
