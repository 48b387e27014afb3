import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  subtitle?: string;
}

/** The page's h1 and the browser tab's title ("组织机构 - 擂台"). */
export function PageHeader({ title, subtitle }: Props) {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = `${title} - ${appName}`;
  }, [title, appName]);
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {subtitle ? <p>{subtitle}</p> : null}
    </header>
  );
}
