import type { ThemeConfig } from 'antd';

// Sober office colours: a deep government blue for the header, white panels on light grey,
// and the flag red kept for the logo only, so red can still mean 红旗 on the boards to come.
export const HEADER_BLUE = '#0f3c78';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d5bbf',
    colorLink: '#1d5bbf',
    borderRadius: 4,
    colorBgLayout: '#f2f4f7',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      headerBg: HEADER_BLUE,
      headerHeight: 56,
      headerPadding: '0 24px',
      siderBg: '#ffffff',
      triggerBg: '#ffffff',
      triggerColor: 'rgba(0, 0, 0, 0.65)',
    },
    Menu: {
      itemBorderRadius: 4,
      groupTitleFontSize: 12,
    },
  },
};
