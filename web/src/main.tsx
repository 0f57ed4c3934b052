import { App as AntApp, ConfigProvider, type ConfigProviderProps } from 'antd';
import zhCNImport from 'antd/locale/zh_CN.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App.js';
import { SessionProvider } from './session.js';
import './styles.css';
import './util/time.js';

// antd's locale files are CommonJS; take the locale whichever way the bundler hands it over.
const zhCN = ('default' in zhCNImport ? zhCNImport.default : zhCNImport) as ConfigProviderProps['locale'];

// A device set to reduce motion (an accessibility setting, and a help on slow field tablets) gets
// menus, lists and dialogs that open at once, without animation.
const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

// Touch-sized controls for tablets in the field (NFR-1): 40 px high by default.
const theme = {
  token: {
    motion: !reduceMotion,
    colorPrimary: '#1f4e8c',
    borderRadius: 6,
    controlHeight: 40,
    fontSize: 15,
    fontFamily: "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#0f2747', headerPadding: '0 16px' },
    Menu: { darkItemBg: '#0f2747', darkSubMenuItemBg: '#0b1f3a', darkItemSelectedBg: '#1f4e8c', itemHeight: 46 },
    Table: { cellPaddingBlock: 8 },
    Card: { bodyPadding: 20 },
  },
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <BrowserRouter>
          <SessionProvider>
            <App />
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
