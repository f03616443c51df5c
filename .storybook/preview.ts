import type { Preview } from '@storybook/web-components-vite';

// Stories talk to a server only when one is running (npm start); otherwise they show their offline states.
(window as Window & { SIPAS?: { endpoint?: string; unit?: string } }).SIPAS = {
  endpoint: 'http://127.0.0.1:8787',
  unit: 'phuong-tan-hoa',
};

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
  },
};

export default preview;
