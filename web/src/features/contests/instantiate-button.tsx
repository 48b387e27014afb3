import { ForkOutlined } from '@ant-design/icons';
import { Button, Modal, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { type Contest, instantiateTemplate } from '../../api/contests.ts';
import { useSession } from '../../app/session.tsx';
import { useErrorMessage } from '../../components/request-error.tsx';

/** 本镇开展此擂台赛: a town's manager makes the town's own contest from a county template. */
export function InstantiateButton({ template }: { template: Contest }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const errorText = useErrorMessage();
  const [messageApi, messageHolder] = message.useMessage();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!session) return null;

  const run = async () => {
    setBusy(true);
    try {
      const created = await instantiateTemplate(template.id, session.unit.code);
      void messageApi.success(t('linkage.instantiated'));
      void navigate(`/contests/${created.id}`);
    } catch (error) {
      const existing =
        error instanceof ApiError && error.code === 'INSTANCE_EXISTS'
          ? (error.details as { contest?: number } | undefined)?.contest
          : undefined;
      if (existing) {
        void messageApi.info(t('linkage.alreadyRunning'));
        void navigate(`/contests/${existing}`);
      } else {
        void messageApi.error(errorText(error));
      }
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  return (
    <>
      {messageHolder}
      <Button type="primary" icon={<ForkOutlined />} onClick={() => setOpen(true)}>
        {t('linkage.instantiate')}
      </Button>
      <Modal
        open={open}
        title={t('linkage.instantiateTitle')}
        okText={t('linkage.instantiate')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={run}
        onCancel={() => setOpen(false)}
      >
        <p>{t('linkage.instantiateBody', { town: session.unit.name })}</p>
      </Modal>
    </>
  );
}
