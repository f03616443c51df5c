import { adminStyles } from '../shared/admin.styles.js';

export const changesStyles = adminStyles;
