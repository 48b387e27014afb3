import { DownOutlined, GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES, setLanguage } from '../i18n/index.ts';

// Each language is named in itself (简体中文, English), so anyone can find their own.
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const language = LANGUAGES.find((entry) => entry.code === i18n.language) ?? LANGUAGES[0];
  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{
        selectable: true,
        selectedKeys: [currentLanguage()],
        items: LANGUAGES.map((entry) => ({
          key: entry.code,
          label: entry.label,
          lang: entry.code,
        })),
        onClick: ({ key }) => {
          const chosen = LANGUAGES.find((entry) => entry.code === key);
          if (chosen) void setLanguage(chosen.code);
        },
      }}
    >
      <Button
        type="text"
        className="language-switch"
        icon={<GlobalOutlined />}
        aria-label={`${t('app.language')}: ${language.label}`}
      >
        <span lang={language.code}>{language.label}</span>
        <DownOutlined className="language-switch-caret" />
      </Button>
    </Dropdown>
  );
}
