import { adminStyles } from '../shared/admin.styles.js';

export const settingsStyles = adminStyles;
