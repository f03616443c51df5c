import { adminStyles } from '../shared/admin.styles.js';

export const accountsStyles = adminStyles;
