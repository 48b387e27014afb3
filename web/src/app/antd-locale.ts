import type { ConfigProviderProps } from 'antd';
import enUSModule from 'antd/es/locale/en_US.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';

type Locale = NonNullable<ConfigProviderProps['locale']>;

// antd ships its locales as ES modules in a package without "type": "module", so TypeScript
// (NodeNext) types the default import as CommonJS `{ default: Locale }` while the bundler hands
// over the Locale itself. Accept both shapes.
function unwrap(module: Locale | { default: Locale }): Locale {
  return 'default' in module ? module.default : module;
}

export const antdLocales = {
  'zh-CN': unwrap(zhCNModule),
  en: unwrap(enUSModule),
} as const;
