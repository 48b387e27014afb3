import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A password or token shown once, with a copy button and the warning that it will not return. */
export function OneTimeSecret({ label, secret }: { label: string; secret: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin): the text is selected for Ctrl+C instead.
      const field = document.getElementById('one-time-secret') as HTMLInputElement | null;
      field?.select();
    }
  };
  return (
    <div className="one-time-secret">
      <Alert type="warning" showIcon title={t('common.shownOnce')} style={{ marginBottom: 12 }} />
      <label htmlFor="one-time-secret" className="one-time-secret-label">
        {label}
      </label>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          id="one-time-secret"
          readOnly
          value={secret}
          className="secret-text"
          onFocus={(event) => event.target.select()}
        />
        <Button
          type="primary"
          icon={copied ? <CheckOutlined /> : <CopyOutlined />}
          onClick={() => void copy()}
        >
          {copied ? t('common.copied') : t('common.copy')}
        </Button>
      </Space.Compact>
    </div>
  );
}
