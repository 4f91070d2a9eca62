import { createRoot } from 'react-dom/client';
import './i18n/i18n';
import './styles.css';
import { App } from './app';

createRoot(document.getElementById('root') as HTMLElement).render(<App />);
