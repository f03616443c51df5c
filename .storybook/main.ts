import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  // The accessibility panel (axe-core) on every story.
  // Docs pages (autodocs, see preview.ts) generated from custom-elements.json.
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The widgets' own vite.config.ts is a library build; Storybook needs none of it.
  viteFinal: async (viteConfig) => ({ ...viteConfig, build: { ...viteConfig.build, lib: false } }),
};

export default config;
